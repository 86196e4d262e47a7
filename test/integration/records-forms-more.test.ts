import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Notice } from '../../entities/notice';
import { runExportFormCli } from '../../src/cli-export-form';
import { startTestBot, type TestBot } from '../helpers/bot';
import { formPages, lastFormFile, pairs, readDocx, type ReadForm } from '../helpers/form-docx';
import { spOf } from '../helpers/windows';

// 导出 表单 (REC-08) for the 000 高峰停办 forms (附件 业务临时停办登记备案表; 业务高峰工作预案, D216), the 巡查记录
// (D217) and the 约谈记录 (D218): every row, every signature, each copy's keeper, one page (D219), and the CLI.

let t: TestBot;
afterEach(async () => t?.close());

const TB_NOTE = '注：此表一式两份，进驻部门（单位）、旗政务服务中心大厅管理室各存档一份。';
const KEEPERS = ['第一联　进驻部门（单位）存档', '第二联　旗政务服务中心大厅管理室存档'];

/** Realistic long values, as a department types them, so the one-page check is not passed by short test data. */
const LONG_REASON =
  '自治区社会保险经办系统全面升级切换，停机期间全区养老、医疗、失业保险的参保登记、缴费基数核定、待遇申领、关系转移接续等业务均无法办理';
const LONG_PLAN =
  '停办前一周在公众号、政务服务网、窗口电子屏发布停办公告；停办期间安排专人在窗口解释，引导群众通过蒙速办APP和自助终端办理查询类业务，紧急业务登记后于系统恢复当日优先办理并电话回访';

/** The one copy's rows and the whole document, checked to print two equal copies kept by the seed's keepers. */
function twoCopies(f: ReadForm, title: string, no: string): [string, string][] {
  const half = f.cells.length / 2;
  expect(f.cells.slice(0, half)).toEqual(f.cells.slice(half));
  const first = f.text.indexOf(KEEPERS[0]);
  expect(first).toBeGreaterThanOrEqual(0);
  expect(f.text.indexOf(KEEPERS[1])).toBeGreaterThan(first);
  expect(f.text.split(title).length - 1).toBe(2);
  expect(f.text.split(`编号：${no}`).length - 1).toBe(2);
  expect(f.text).not.toMatch(/rule|REC-|SUS-|INS-|BRF-|SP20|approve|pending/); // D41
  return pairs(f.cells.slice(0, half));
}

describe('导出 表单 业务临时停办登记备案表 (REC-08, SUS-06…SUS-08)', () => {
  it('REC-08 SUS-06 SUS-07 SUS-08: every seed row, the 首席代表 signed through a delegate (代), 大厅管理室 with its opinion, 联系人 and 备注 below the signatures, two copies on one page each', async () => {
    t = await startTestBot({ now: '2026-03-03T09:00:00+08:00' });
    await t.say('huangyan', '代理 设置 周平 从=今天 到=3月6日');
    t.setNow('2026-03-03T09:10:00+08:00');
    await t.say(
      'wujing',
      `停办 备案 窗口=5,6 从=3月16日 到=3月18日 事由=${LONG_REASON} 文号=内人社办发〔2026〕12号 咨询=吴静 13900000021,周平 13900000022,徐丽 13900000023 联系人=黄燕 联系电话=13900000020 预案=${LONG_PLAN} 备注=停办期间急需业务可拨打0477-7000001预约`,
    );
    const no = /✅ (TB2026-SB-\d{3})/.exec(t.lastTextTo('wujing'))![1];
    const sp = await spOf(t, no);
    t.setNow('2026-03-03T09:40:00+08:00');
    await t.click('zhouping', `approve:${sp}`);
    t.setNow('2026-03-03T10:25:00+08:00');
    await t.say('zhao', `审批 ${sp} 同意 原因=证明文件齐全，同意备案`);
    t.setNow('2026-03-04T11:00:00+08:00');
    await t.say('huangyan', `停办 公告 ${no} 链接=https://mp.weixin.qq.com/s/sb0316`);
    t.setNow('2026-03-05T09:00:00+08:00');
    await t.say('zhao', `停办 告知 ${no}`);

    await t.say('zhao', `导出 表单 ${no}`);
    const title = '业务临时停办登记备案表';
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} ${title}（一式两份，含审批签字记录）文件已发送`);
    const f = await lastFormFile(t);
    expect(f.filename).toBe(`${no}_${title}.docx`);
    const rows = twoCopies(f, title, no);
    expect(rows).toEqual([
      ['申请单位', '旗社保局'],
      [
        '业务临时停办事由（应提供证明文件文号）及具体内容',
        `${LONG_REASON}\n证明文件文号：内人社办发〔2026〕12号\n工作预案：${LONG_PLAN}`,
      ],
      ['窗口位置编号', '5号窗、6号窗（共2个）'],
      ['起止时间', '2026年3月16日至2026年3月18日'],
      [
        '保障措施（包括负责停办业务咨询人员及咨询电话、宣传告知工作落实情况等）',
        '负责停办业务咨询人员及咨询电话：吴静 13900000021、周平 13900000022、徐丽 13900000023\n宣传告知：已于2026年3月4日通过媒体/公众号发布（https://mp.weixin.qq.com/s/sb0316）\n大厅管理室已于2026年3月5日告知群众和导服人员',
      ],
      ['进驻部门（单位）意见', '同意\n签字：周平（代 黄燕）　2026年3月3日 09:40'],
      ['旗政务服务中心大厅管理室意见', '同意\n签字：赵敏　2026年3月3日 10:25\n意见：证明文件齐全，同意备案'],
      ['申请部门（单位）联系人及电话', '黄燕　13900000020'],
      ['备注', '停办期间急需业务可拨打0477-7000001预约'],
    ]);
    expect(f.text).toContain(TB_NOTE);
    expect(await formPages(t, no)).toBe(1); // D219
  });
});

describe('导出 表单 业务高峰工作预案 (REC-08, SUS-02…SUS-05, D216)', () => {
  it('REC-08 SUS-02 SUS-03 SUS-05: the plan filed by the 首席代表 signs for the department at its filing; every item of 二(一)1–7, the ticked checks, 大厅管理室备案; one page', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    const staffing =
      '首席代表黄燕总负责；吴静、周平负责受理，徐丽、胡磊负责审核；从乌审旗人力资源和社会保障局机关抽调业务骨干2人协助窗口受理和咨询解答';
    const publicity =
      '提前一周通过公众号、政务服务网和窗口电子屏发布办理指南、所需材料和流程，引导群众错峰办理，可网上办理的业务引导使用蒙速办APP和自助终端';
    await t.say(
      'huangyan',
      `高峰 预案 从=3月16日 到=3月20日 原因=政策 说明=城乡居民基本养老保险集中缴费 联系人=黄燕 联系电话=13900000020 人员安排=${staffing} 宣传引导=${publicity} 技术保障=信息科刘工 13900000099 秩序专人=胡磊负责取号引导和秩序维护，徐丽负责咨询台答复 延时服务=每日提前30分钟到岗，下班时仍有已取号群众的延时办结 最大办理量=300 已报派驻部门=是`,
    );
    const no = /✅ (GF2026-SB-\d{3})/.exec(t.lastTextTo('huangyan'))![1];
    t.setNow('2026-03-05T15:30:00+08:00');
    await t.say('huangyan', `高峰 检查 ${no} 宣传,设备 说明=公众号已发布，系统网络已检查`);
    t.setNow('2026-03-06T08:50:00+08:00');
    await t.say('zhao', `审批 ${await spOf(t, no)} 同意 原因=已协调交警和物业`);

    await t.say('huangyan', `导出 表单 ${no}`);
    const title = '业务高峰工作预案';
    const f = await lastFormFile(t);
    const rows = twoCopies(f, title, no);
    const checked = '公众号已发布，系统网络已检查';
    expect(rows).toEqual([
      ['申请单位', '旗社保局'],
      ['联系人及电话', '黄燕　13900000020'],
      ['业务高峰原因', '政策：城乡居民基本养老保险集中缴费'],
      ['起止时间', '2026年3月16日至2026年3月20日'],
      ['职责分工及人员安排（含派驻部门抽调人员）', staffing],
      ['报派驻部门情况', '已报派驻部门（单位）'],
      ['宣传及分流引导措施', publicity],
      ['设备、系统、网络检查及技术保障人员', '技术保障人员：信息科刘工 13900000099'],
      ['风险问题防范责任人', '黄燕'],
      ['开放窗口及自助设备', '全部开放：5号窗、6号窗、7号窗、8号窗（共4个），启用全部自助设备'],
      ['秩序维护、人员疏导及业务咨询专人', '胡磊负责取号引导和秩序维护，徐丽负责咨询台答复'],
      ['延时服务安排', '每日提前30分钟到岗，下班时仍有已取号群众的延时办结'],
      ['每日最多可办理业务数量', '300件'],
      [
        '高峰前准备落实情况（宣传、设备、导服、技术）',
        `宣传：2026年3月5日 黄燕（${checked}）\n设备：2026年3月5日 黄燕（${checked}）`,
      ],
      ['进驻部门（单位）意见', '同意\n签字：黄燕　2026年3月3日 10:00'],
      ['旗政务服务中心大厅管理室意见', '同意\n签字：赵敏　2026年3月6日 08:50\n意见：已协调交警和物业'],
    ]);
    expect(f.text).toContain(TB_NOTE);
    expect(await formPages(t, no)).toBe(1); // D219

    // The CLI writes the same form (REC-08: one path for chat and operator).
    const out = join(await mkdtemp(join(tmpdir(), 'form-')), 'gf.docx');
    expect(await runExportFormCli([no, '--out', out], t.bot.deps)).toBe(0);
    expect((await readDocx(await readFile(out))).cells).toEqual(f.cells);
  });
});

describe('导出 表单 巡查记录 (REC-08, INS-06, D217)', () => {
  it('REC-08 INS-03 INS-06: a 领导 round with its participants, area, each problem and praise with item and handling, once for 大厅管理室; a finding (WT) is no form', async () => {
    t = await startTestBot({ now: '2026-03-03T09:30:00+08:00' });
    await t.say('zhao', '巡查 开始 类型=领导 带队=@陈主任 参与=@王五,@黄燕 区域=前台,公共 楼层=1 方式=现场');
    const no = /✅ (XC2026-\d{4})/.exec(t.lastTextTo('zhao'))![1];
    t.setNow('2026-03-03T09:42:00+08:00');
    await t.say('zhao', '巡查 发现 窗口=12 人=@李四 项=3 程度=一般 说明=空岗5分钟');
    const wt1 = /(WT2026-\d{4})/.exec(t.lastTextTo('zhao'))![1];
    t.setNow('2026-03-03T09:50:00+08:00');
    await t.say('zhao', '巡查 表扬 窗口=8 人=@胡磊 说明=主动为老人代填表格');
    const wt2 = /(WT2026-\d{4})/.exec(t.lastTextTo('zhao'))![1];
    t.setNow('2026-03-03T10:05:00+08:00');
    await t.say('zhao', '巡查 结束');

    await t.say('zhao', `导出 表单 ${no}`);
    const title = '旗政务服务中心巡查记录';
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} ${title}（一份，旗政务服务中心大厅管理室存档）文件已发送`);
    const f = await lastFormFile(t);
    const rows = pairs(f.cells);
    expect(rows.map(([label]) => label)).toEqual([
      '巡查时间',
      '巡查类型',
      '巡查方式',
      '带队领导',
      '参加人员',
      '巡查区域',
      '发现的问题及处理情况',
      '表现突出',
      '备注',
      '记录人',
      '巡查人员签字',
    ]);
    const field = (label: string) => rows.find(([l]) => l === label)![1];
    expect(field('巡查时间')).toBe('2026年3月3日 09:30至10:05');
    expect(field('巡查类型')).toBe('领导巡查');
    expect(field('巡查方式')).toBe('现场');
    expect(field('带队领导')).toBe('陈主任');
    expect(field('参加人员')).toContain('王五、黄燕');
    expect(field('参加人员')).toContain('陈主任');
    expect(field('巡查区域')).toBe('1楼 前台受理区、公共区域');
    expect(field('发现的问题及处理情况')).toBe(
      `${wt1} 09:42 12号窗 李四 第3项（在岗（串岗、空岗、迟到、早退）） 一般：空岗5分钟（待确认）`,
    );
    expect(field('表现突出')).toBe(`${wt2} 09:50 8号窗 胡磊：主动为老人代填表格（表扬）`);
    expect(field('记录人')).toBe('赵敏');
    expect(field('巡查人员签字')).toBe('');
    expect(f.text.split('旗政务服务中心大厅管理室存档').length - 1).toBe(1);
    expect(f.text).not.toContain('第一联');
    expect(await formPages(t, no)).toBe(1); // D219

    await t.say('zhao', `导出 表单 ${wt1}`);
    expect(t.lastTextTo('zhao')).toMatch(
      new RegExp(`^${wt1}（巡查发现）没有可打印的表单。可导出表单的记录：.*XC（巡查记录）`),
    );
  });
});

describe('导出 表单 约谈记录 (REC-08, BRF-06, D218)', () => {
  it('REC-08 BRF-04 BRF-06 BRF-10: the 约谈 notice number prints the record’s nine fields and the 中心领导 审定 signature; the approval of the talk, not of the notice, signs it', async () => {
    t = await startTestBot({ now: '2026-03-03T10:00:00+08:00' });
    await t.say(
      'zhao',
      '约谈 记录 GA 日期=3月3日 约谈人=@陈主任,@赵敏 意见=人员紧张，请求增派B岗 整改=落实AB岗，杜绝空岗 期限=3月20日',
    );
    const sp = /约谈记录 (SP\d{4}-\d{5}) 已送中心领导审定/.exec(t.lastTextTo('zhao'))![1];
    t.setNow('2026-03-04T16:20:00+08:00');
    await t.say('chen', `审批 ${sp} 同意 原因=同意，按期整改`);
    const no = /✅ 约谈记录 (督通〔2026〕\d+号)/.exec((await t.groupTexts('G-OFFICE')).join('\n'))![1];

    await t.say('zhao', `导出 表单 ${no}`);
    const title = '约谈记录';
    expect(t.lastTextTo('zhao')).toBe(`✅ ${no} ${title}（一份，旗政务服务中心大厅管理室存档）文件已发送`);
    const f = await lastFormFile(t);
    const rows = pairs(f.cells);
    expect(rows).toEqual([
      ['约谈类型', '约谈首席代表'],
      ['所属月份 · 部门', '2026年2月　旗公安局'],
      ['约谈日期', '2026年3月3日'],
      ['约谈人', '陈主任、赵敏'],
      ['约谈对象', '首席代表 王五'],
      ['问题清单', '大厅管理室确认'],
      ['听取的意见建议', '人员紧张，请求增派B岗'],
      ['整改要求 · 期限', '落实AB岗，杜绝空岗\n完成期限：2026年3月20日'],
      ['成稿人', '赵敏'],
      ['审定人（中心领导）', '同意\n签字：陈主任　2026年3月4日 16:20\n意见：同意，按期整改'],
    ]);
    expect(f.text).toContain(`编号：${no}`);
    expect(await formPages(t, no)).toBe(1); // D219

    // Another 督通 notice (BRF-09 to the 派驻部门) is a 公文, not a form: refused, naming what prints.
    await t.say('zhao', '巡查 开始 类型=日常 区域=前台 楼层=1');
    await t.say('zhao', '巡查 发现 窗口=12 人=@李四 项=3 说明=空岗');
    await t.say('zhao', '通报 派驻部门 WT1 说明=多次空岗整改不到位');
    await t.click('chen', `approve:${/（(SP\d{4}-\d{5})）/.exec(t.lastTextTo('zhao'))![1]}`);
    const other = await t.bot.deps.db.manager.findOneByOrFail(Notice, { type: '其他' });
    expect(other.no).not.toBeNull();
    await t.say('zhao', `导出 表单 ${other.no!}`);
    expect(t.lastTextTo('zhao')).toMatch(
      new RegExp(`^${other.no!}（通报）没有可打印的表单。可导出表单的记录：督通（通报）`),
    );
  });
});

describe('导出 表单 one page for the staffing forms too (REC-08, STF-02, D219)', () => {
  it('REC-08 STF-02 D219: an 附件3 with every row filled at length stays one page and prints every value', async () => {
    t = await startTestBot({ now: '2025-03-10T10:00:00+08:00' });
    const duties =
      '负责户籍迁入迁出、户口登记项目变更更正、居民身份证申领换领补领的受理审核，以及群众咨询解答、材料一次性告知和办件资料归档整理工作';
    const items =
      '户籍迁移（迁入、迁出）、出生登记、死亡注销、户口登记项目变更更正、居民身份证申领换领补领、临时身份证明开具';
    await t.say(
      'lisi',
      `入岗 申请 张某某 窗口=12 入岗=3月17日 身份证=152701199001011239 人员身份=事业编制 性别=男 民族=蒙古族 出生年月=1990年1月 政治面貌=中共党员 学历=大学本科 电话=13900000031 毕业学校=内蒙古大学法学院法学专业 单位职务=乌审旗公安局嘎鲁图派出所户籍民警 职责=${duties} 服务事项=${items}`,
    );
    await t.post({ type: 'image', from: 'lisi', mediaId: 'TRAINING' } as never);
    const sp = await spOf(t, 'RG2025-GA-001');
    await t.click('wangwu', `approve:${sp}`);
    await t.say('zhao', `审批 ${sp} 同意 原因=材料齐全，培训合格，同意入岗`);
    await t.say('zhao', '导出 表单 RG2025-GA-001');
    const f = await lastFormFile(t);
    const rows = pairs(f.cells.slice(0, f.cells.length / 2));
    const field = (label: string) => rows.find(([l]) => l === label)?.[1];
    expect(field('主要工作职责')).toBe(duties);
    expect(field('服务事项')).toBe(items);
    expect(field('毕业学校及专业')).toBe('内蒙古大学法学院法学专业');
    expect(field('政务服务中心审批意见')).toMatch(
      /^同意\n签字：赵敏\u30002025年3月10日 10:00\n意见：材料齐全，培训合格，同意入岗$/,
    );
    expect(await formPages(t, 'RG2025-GA-001')).toBe(1);
  });
});
