import { fail, ok, type Routes } from './http';

// Token, OAuth and contacts (WeCom doc 91039, §5).
export const authRoutes: Routes = {
  'GET /cgi-bin/gettoken': ({ query }, s) => {
    if (!query.corpid) return fail(41002, 'corpid missing');
    if (!query.corpsecret) return fail(41004, 'corpsecret missing');
    if (query.corpid !== s.corpId) return fail(40013, 'invalid corpid');
    if (query.corpsecret !== s.secret) return fail(40001, 'invalid secret');
    const { token, expiresIn } = s.issueToken();
    return ok({ access_token: token, expires_in: expiresIn });
  },

  // Single-use codes valid 5 min (§5.1); mint them with state.mintOauthCode(userid).
  'GET /cgi-bin/auth/getuserinfo': ({ query }, s) => {
    const userid = query.code ? s.useOauthCode(query.code) : undefined;
    if (!userid) return fail(40029, 'invalid code');
    return s.isKnownUser(userid) ? ok({ userid }) : ok({ openid: `o-${userid}` });
  },

  'GET /cgi-bin/user/get': ({ query }, s) => {
    const userid = query.userid ?? '';
    if (!userid || !s.isKnownUser(userid)) return fail(60111, 'invalid userid');
    return ok({ userid, name: userid, department: [1], main_department: 1, position: '', status: 1 });
  },

  'GET /cgi-bin/department/list': () =>
    ok({
      department: [{ id: 1, name: '政务服务中心', name_en: '', department_leader: [], parentid: 0, order: 100000000 }],
    }),
};
