import { ensureGroupChats, syncGroupMembers } from '../src/directory/groups';
import { localDate } from '../src/kernel/time';
import { defineJob } from '../src/kernel/job';

// conventions (docs/architecture.md) groups: people move between departments in chat (人员 调岗, 首席代表 更换); each morning the app chats
// are created if missing and their members brought in line with the directory, so G-DEPT messages reach exactly
// the department. (Not a docs/commands.md row: an operational job, every calendar day.)
export const groupMemberSync = defineJob({
  name: 'group-member-sync',
  cron: '30 6 * * *',
  workingDaysOnly: false,
  rules: ['§0.3', 'D11'],
  summary: '每天同步应用群成员与人员名录（新建缺少的群，增减成员）',
  recipients: '无消息（同步企业微信应用群成员）',
  periodKey: (now) => localDate(now),
  async run(deps, now) {
    const created = await ensureGroupChats(deps.db, deps.wecom, deps.log, now);
    const synced = await syncGroupMembers(deps.db, deps.wecom, deps.log, now);
    return {
      created: created.created.length,
      updated: synced.updated.length,
      failed: created.failed.length + synced.failed.length,
    };
  },
});
