import { z } from 'zod';
import { answerConsultation } from '../src/domain/consult/answer';
import { listAppointments, registerAppointment } from '../src/domain/consult/appointment';
import { requestExpert } from '../src/domain/consult/expert';
import { registerConsultation } from '../src/domain/consult/register';
import { listOpen, viewConsultation } from '../src/domain/consult/view';
import { defineCommand } from '../src/kernel/command';
import { replyList } from '../src/kernel/replies';
import { localDate } from '../src/kernel/time';

// 咨询 and 预约 (CAS-17; CAS-03 首问负责, CAS-04 答复, CAS-20 请求专家, CAS-23 routing): window staff, 综窗 providers and the guides
// at the 咨询导办台 all log questions (the guides' desk is where most questions arrive).

const LOGGERS = ['staff', 'guide', 'provider', 'hall_office'] as const;
const zxNo = z.string({ error: '缺少咨询编号' }).min(2).describe('咨询编号（ZX2026-00310 或 ZX310）');

export const consultRegister = defineCommand({
  name: '咨询 登记',
  group: '综窗',
  summary: '登记咨询（首问负责）：本岗办理、中心内指引或中心外告知；当场不能答复的设答复期限',
  roles: LOGGERS,
  usage:
    '咨询 登记 问题=… 结果=本岗办理|中心内指引|中心外告知 [指引= 单位= 地址= 渠道=现场|电话|来信|邮件 联系= 待答复=是 答复期限=]',
  examples: [
    '咨询 登记 问题=户口迁入需要哪些材料 结果=本岗办理',
    '咨询 登记 问题=营业执照年报 结果=中心外告知 单位=旗市场监管局 地址=嘎鲁图镇团结路8号',
    '咨询 登记 问题=社保补缴政策 结果=本岗办理 渠道=电话 联系=13912345678 待答复=是',
  ],
  rules: ['CAS-03', 'CAS-04', 'CAS-23', 'OPEN #43'],
  args: () =>
    z.object({
      问题: z.string({ error: '缺少问题' }).min(2).max(500).describe('咨询的问题'),
      结果: z.string({ error: '缺少结果' }).describe('本岗办理、中心内指引 或 中心外告知'),
      指引: z.string().max(64).optional().describe('中心内指引：指引至的窗口或人员'),
      单位: z.string().max(64).optional().describe('中心外告知：主管单位'),
      地址: z.string().max(128).optional().describe('中心外告知：具体地址'),
      渠道: z.string().optional().describe('现场、电话、来信 或 邮件'),
      联系: z.string().max(64).optional().describe('答复或回电的联系方式'),
      待答复: z.string().optional().describe('是 = 当场不能答复'),
      答复期限: z.string().optional().describe('与群众约定的答复日期'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await registerConsultation(ctx, a));
  },
});

export const consultAnswer = defineCommand({
  name: '咨询 答复',
  group: '综窗',
  summary: '答复待答复的咨询；回电=是 记录已回电致歉',
  roles: LOGGERS,
  usage: '咨询 答复 <ZX号> [内容=… 回电=是]',
  examples: ['咨询 答复 ZX310 内容=已电话告知补缴流程 回电=是'],
  rules: ['CAS-04'],
  positional: ['编号'],
  args: () =>
    z.object({
      编号: zxNo,
      内容: z.string().max(500).optional().describe('答复内容'),
      回电: z.string().optional().describe('是 = 未接来电已回电致歉'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await answerConsultation(ctx, a.编号, a));
  },
});

export const consultExpert = defineCommand({
  name: '咨询 请求专家',
  group: '综窗',
  summary: '综窗复杂咨询：请求审批部门派员，卡片发首席代表（30分钟内回应）',
  roles: ['provider', 'hall_office'],
  usage: '咨询 请求专家 事项=… 部门=<代码>|窗口=<号>',
  examples: ['咨询 请求专家 事项=跨省户口迁移特殊情形 窗口=12', '咨询 请求专家 事项=分户登记 部门=GA'],
  rules: ['CAS-20', 'OPEN #47'],
  args: () =>
    z.object({
      事项: z.string({ error: '缺少事项' }).min(2).max(200).describe('需要专家解答的事项'),
      窗口: z.string().optional().describe('该部门的窗口号'),
      部门: z.string().optional().describe('部门代码或名称'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await requestExpert(ctx, a));
  },
});

export const consultList = defineCommand({
  name: '咨询 列表',
  group: '综窗',
  summary: '待答复的咨询与待回应的专家请求（本人及本部门；大厅管理室看全部）',
  roles: [...LOGGERS, 'chief_rep', 'leader', 'supervisor'],
  usage: '咨询 列表',
  examples: ['咨询 列表'],
  rules: ['CAS-04', 'CAS-20'],
  args: () => z.object({}),
  async handle(ctx) {
    await replyList(ctx, '待办咨询：', await listOpen(ctx), '（无待答复的咨询）');
  },
});

export const consultView = defineCommand({
  name: '咨询 查看',
  group: '综窗',
  summary: '查看一条咨询登记',
  roles: [...LOGGERS, 'chief_rep', 'leader', 'supervisor'],
  usage: '咨询 查看 <ZX号>',
  examples: ['咨询 查看 ZX310'],
  rules: ['CAS-03', 'CAS-23'],
  positional: ['编号'],
  args: () => z.object({ 编号: zxNo }),
  async handle(ctx, a) {
    await ctx.reply(await viewConsultation(ctx, a.编号));
  },
});

export const appointmentRegister = defineCommand({
  name: '预约 登记',
  group: '综窗',
  summary: '登记预约服务（周一至周六上午；公休日须事先约定；多部门由大厅管理室协调）',
  roles: ['staff', 'chief_rep', 'provider', 'hall_office'],
  usage: '预约 登记 日期=… 时间=… 事项=… 申请人=… [电话= 部门=GA,SB 公休日=是 说明=]',
  examples: [
    '预约 登记 日期=3月7日 时间=9:30 事项=户籍迁入 申请人=王某',
    '预约 登记 日期=3月8日 时间=10:00 事项=企业开办 申请人=某公司 部门=SW,SB 公休日=是',
  ],
  rules: ['CAS-17'],
  args: () =>
    z.object({
      日期: z.string({ error: '缺少日期' }).describe('预约日期'),
      时间: z.string({ error: '缺少时间' }).describe('预约时间（上午，如 09:30）'),
      事项: z.string({ error: '缺少事项' }).min(2).max(64).describe('预约办理的事项'),
      申请人: z.string({ error: '缺少申请人' }).min(1).max(64).describe('申请人或企业'),
      电话: z.string().max(32).optional().describe('联系电话'),
      部门: z.string().optional().describe('办理部门代码，多个用逗号分隔'),
      公休日: z.string().optional().describe('是 = 已事先约定公休日办理'),
      说明: z.string().max(200).optional().describe('特殊、紧急需要的说明'),
    }),
  async handle(ctx, a) {
    await ctx.reply(await registerAppointment(ctx, a));
  },
});

export const appointmentList = defineCommand({
  name: '预约 列表',
  group: '综窗',
  summary: '今天起7天内的预约（本人及本部门；大厅管理室看全部）',
  roles: ['staff', 'chief_rep', 'provider', 'hall_office', 'leader'],
  usage: '预约 列表 [从=<日期>]',
  examples: ['预约 列表', '预约 列表 从=下周一'],
  rules: ['CAS-17'],
  args: (t) => z.object({ 从: t.date('起始日期').optional() }),
  async handle(ctx, a) {
    const from = a.从 ?? localDate(ctx.now);
    await replyList(ctx, `${from} 起7天的预约：`, await listAppointments(ctx, from, 7), '（无预约）');
  },
});
