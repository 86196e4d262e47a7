import { z } from 'zod';
import type { SettingDef } from '../kernel/setting-def';

/**
 * Every OPEN proposal of the OPEN register (docs/settings.md) and every threshold a rule needs, declared once with its default,
 * schema, the rule IDs it affects and a one-line description. Admins change values with
 * `设置 修改 <名称> <值>` (audited, no restart); code reads them through `settings.get`, never a literal.
 */

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM，例如 17:30');
const cron = z.string().regex(/^(\S+\s+){4}\S+$/, 'cron 表达式应有5段，例如 45 7 * * *');
const def = <S extends z.ZodType>(d: SettingDef<S>) => d;

export const SETTINGS = {
  'calendar.endOfDay': def({
    schema: hhmm,
    default: '17:30',
    rules: ['§0.3', 'DIR-13'],
    open: 1,
    description: '工作日截止时刻：N个工作日期限在该时刻截止；“提前N个工作日”申请当日在该时刻后提交视为次日',
  }),
  'outbox.maxAttempts': def({
    schema: z.number().int().min(1).max(50),
    default: 8,
    rules: [],
    description: '消息发送失败后的最大重试次数，超过则标记为永久失败并记录',
  }),
  'approval.remindAfterWorkdays': def({
    schema: z.number().int().min(1).max(10),
    default: 1,
    rules: ['DIR-04'],
    description: '审批待办超过该工作日数未处理即提醒审批人（D17）',
  }),
  'approval.escalateTo': def({
    schema: z.string().regex(/^G-[A-Z0-9-]+$/),
    default: 'G-OFFICE',
    rules: ['DIR-04'],
    description: '审批提醒后仍未处理时升级通知的群（D17）',
  }),
  'complaint.invalidNote': def({
    schema: z.boolean(),
    default: true,
    rules: ['CMP-04'],
    open: 10,
    description: '无效投诉是否保留一条无编号的简要记录（投诉 无效 说明=…）',
  }),
  'complaint.reReferralWorkdays': def({
    schema: z.number().int().min(0).max(30),
    default: 0,
    rules: ['CMP-16'],
    open: 11,
    description: '不满意退回整改的落实期限（工作日）；0 = 与首轮同级（一般5个、情节较重10个工作日）',
  }),
  'complaint.deductionPoints': def({
    schema: z.number().int().min(0).max(100),
    default: 0,
    rules: ['CMP-19', 'PRF-14'],
    open: 12,
    description: '投诉属实生成扣分事件的分值；0 = 仅记录（绩效考评办法未提供）',
  }),
  'complaint.remindBeforeWorkdays': def({
    schema: z.number().int().min(1).max(5),
    default: 1,
    rules: ['CMP-08', 'CMP-11', 'CMP-12', 'CMP-15', 'CMP-20'],
    description: '投诉各项期限到期前提前提醒的工作日数（§17 提醒提前量为建议值）',
  }),
  // [supervision]: INS / BRF / ACC proposals of the OPEN register (docs/settings.md)
  'inspection.dailyOn': def({
    schema: z.enum(['workday', 'everyday']),
    default: 'workday',
    rules: ['INS-01'],
    open: 55,
    description: '“每日”日常巡查的口径：workday = 每个工作日一次；everyday = 大厅开放的每一天',
  }),
  'inspection.jointCheckDay': def({
    schema: z.number().int().min(1).max(28),
    default: 15,
    rules: ['INS-02'],
    open: 15,
    description: '联合巡查中期检查日：当月该日（遇非工作日提前到前一工作日）仍不足1次则提醒大厅管理室',
  }),
  'inspection.jointLastWorkdays': def({
    schema: z.number().int().min(1).max(10),
    default: 3,
    rules: ['INS-02'],
    open: 15,
    description: '联合巡查月末检查：当月倒数第N个工作日仍不足2次则提醒大厅管理室',
  }),
  'inspection.leaderCheckDay': def({
    schema: z.number().int().min(1).max(28),
    default: 20,
    rules: ['INS-03'],
    open: 15,
    description: '领导巡查检查日：到当月该日（遇非工作日提前）仍无领导巡查则私信中心领导',
  }),
  'inspection.leaderCountsAsJoint': def({
    schema: z.boolean(),
    default: true,
    rules: ['INS-02', 'INS-03'],
    open: 56,
    description: '领导带队并结合联合巡查方式进行的巡查，同时计入联合巡查次数',
  }),
  'inspection.repeatDays': def({
    schema: z.number().int().min(1).max(365),
    default: 30,
    rules: ['INS-07'],
    open: 16,
    description: '“重复出现”判定期间（自然日）：同一窗口或人员、同一巡查项目在该期间内出现达到次数即自动标记“重复”',
  }),
  'inspection.repeatCount': def({
    schema: z.number().int().min(2).max(10),
    default: 2,
    rules: ['INS-07'],
    open: 16,
    description: '“重复出现”判定次数（含本次）',
  }),
  'finding.disputeWorkdays': def({
    schema: z.number().int().min(1).max(10),
    default: 2,
    rules: ['INS-09', 'ACC-03'],
    open: 17,
    description: '巡查发现异议期（工作日）：期内未提出异议自动确认；逾期仍可通过“问效 申辩”申诉（种子无时限）',
  }),
  'talk.findingThreshold': def({
    schema: z.number().int().min(1).max(50),
    default: 3,
    rules: ['BRF-04'],
    open: 19,
    description: '“问题较多”：当月确认的巡查问题达到该数量的部门列入约谈首席代表候选',
  }),
  'talk.seriousSeverities': def({
    schema: z.array(z.enum(['一般', '重复', '典型', '重大', '突发'])).min(1),
    default: ['典型', '重大'],
    rules: ['BRF-04'],
    open: 19,
    description: '“问题较严重”：当月出现任一该程度问题的部门列入约谈首席代表候选',
  }),
  'talk.complaintThreshold': def({
    schema: z.number().int().min(1).max(50),
    default: 1,
    rules: ['BRF-04'],
    open: 19,
    description: '当月属实投诉达到该数量的部门列入约谈首席代表候选',
  }),
  'talk.unrectifiedSeverities': def({
    schema: z.array(z.enum(['一般', '重复', '典型', '重大', '突发'])).min(1),
    default: ['典型', '重大'],
    rules: ['BRF-05'],
    open: 20,
    description: '“问题严重且整改不到”：该程度问题的整改单在月末逾期或验收不到位 → 约谈分管领导候选',
  }),
  'talk.reminderDays': def({
    schema: z.array(z.number().int().min(1).max(10)).min(1).max(5),
    default: [5, 8],
    rules: ['BRF-04', 'BRF-05'],
    description: '约谈提醒日（每月几日，遇非工作日提前；期限为10日，PROPOSAL）',
  }),
  'writtenNotice.remindDay': def({
    schema: z.number().int().min(1).max(15),
    default: 12,
    rules: ['BRF-07'],
    open: 21,
    description: '书面通报未审定时提醒中心领导的日期（每月几日，遇非工作日提前）',
  }),
  'writtenNotice.escalateDay': def({
    schema: z.number().int().min(1).max(15),
    default: 14,
    rules: ['BRF-07'],
    open: 21,
    description: '书面通报仍未审定时升级到中心领导群的日期（每月几日，遇非工作日提前；期限15日）',
  }),
  'notice.numberPrefix': def({
    schema: z.string().min(1).max(8),
    default: '督通',
    rules: ['BRF-10'],
    open: 22,
    description:
      '督查通报编号前缀：<前缀>〔年份〕序号号，如 督通〔2026〕11号（序号不编虚位；全年各类通报一个序列，发布时取号，不重复使用）',
  }),
  'rectification.planWorkdays': def({
    schema: z.number().int().min(1).max(30),
    default: 5,
    rules: ['ACC-04', 'INS-11'],
    open: 13,
    description: '责令整改后报送整改方案的默认期限（工作日）',
  }),
  'rectification.progressEveryDays': def({
    schema: z.number().int().min(1).max(31),
    default: 7,
    rules: ['ACC-04'],
    open: 13,
    description: '整改期间进度反馈周期（自然日，默认每周）',
  }),
  'rectification.l1Percent': def({
    schema: z.number().int().min(1).max(99),
    default: 50,
    rules: ['ACC-04', 'INS-11'],
    open: 46,
    description: '整改三级提醒 L1：完成时限已过该百分比时提醒责任人（L2 到期前一工作日及当日，L3 逾期每日）',
  }),
  'quarterly.leadWorkdays': def({
    schema: z.number().int().min(1).max(10),
    default: 3,
    rules: ['BRF-11'],
    description: '季度进展报送提醒：季末月1日后首个工作日及10日前N个工作日（PROPOSAL）',
  }),
  // [windows]: WIN / SUS proposals of the OPEN register (docs/settings.md)
  'window.capOverride': def({
    schema: z.enum(['中心领导', '不允许']),
    default: '中心领导',
    rules: ['WIN-04'],
    open: 28,
    description:
      '临时关闭超出1/5上限（“原则上”）时：中心领导 = 附超限理由加中心领导审批一步（仅限窗口数>4的部门）；不允许 = 一律拒绝',
  }),
  'window.endReminderWorkdays': def({
    schema: z.number().int().min(1).max(5),
    default: 1,
    rules: ['WIN-07'],
    open: 29,
    description: '临时关闭到期前提前几个工作日提醒首席代表安排人员到岗（到期当日另请大厅管理室确认到岗）',
  }),
  'window.seasonalPlanInclusive': def({
    schema: z.boolean(),
    default: true,
    rules: ['WIN-10', '§0.3'],
    open: 2,
    description: '季节窗口年度计划“3月1日前”是否含3月1日当天（是 = 含；否 = 须在2月底前）',
  }),
  'window.seasonalReminderDays': def({
    schema: z
      .array(z.string().regex(/^02-(0[1-9]|[12]\d)$/, '日期形如 02-01'))
      .min(1)
      .max(4),
    default: ['02-01', '02-20'],
    rules: ['WIN-10'],
    open: 29,
    description: '提醒有季节性窗口的部门报送年度计划的日期（2月，遇非工作日顺延到2月内下一个工作日，否则提前）',
  }),
  'window.shortChangeHint': def({
    schema: z.boolean(),
    default: true,
    rules: ['WIN-01'],
    open: 57,
    description: '窗口变更期限短于本年度且不足1年时提示改按临时关闭办理（需填写理由方可继续）',
  }),
  'window.deductionPoints': def({
    schema: z.number().int().min(0).max(100),
    default: 0,
    rules: ['WIN-13', 'SUS-10', 'PRF-14'],
    open: 12,
    description: '窗口调整、业务高峰及停办违规生成扣分事件的分值；0 = 仅记录（绩效考评办法未提供）',
  }),
  'peak.checklistReminderWorkdays': def({
    schema: z.number().int().min(1).max(5),
    default: 1,
    rules: ['SUS-03'],
    description:
      '业务高峰开始前几个工作日检查准备事项（宣传、设备、导服、技术），未完成则提醒首席代表（SUS-03 建议值）',
  }),
  'suspension.publicityReminderWorkdays': def({
    schema: z.number().int().min(1).max(3),
    default: 1,
    rules: ['SUS-07'],
    description: '停办公告截止日（开始前第4个工作日）前几个工作日提醒首席代表（SUS-07 建议值；截止当日再提醒一次）',
  }),
  // Lost & found desk: LST proposals of the OPEN register (docs/settings.md)
  'lostFound.contactWorkdays': def({
    schema: z.number().int().min(0).max(5),
    default: 0,
    rules: ['LST-04'],
    open: 24,
    description:
      '“尽快”通知失主的期限（工作日）：0 = 登记当日（工作日）；检查时刻为 handover-contact-check 任务时间（默认16:30，job.handover-contact-check.cron）',
  }),
  'lostFound.perishableDayType': def({
    schema: z.enum(['CD', 'WD']),
    default: 'CD',
    rules: ['LST-05'],
    open: 25,
    description: '易变坏食物或药品“三天内”的天数口径：CD = 自然日（变质不因节假日停止）；WD = 工作日',
  }),
  'lostFound.valuableWords': def({
    schema: z.array(z.string().min(1).max(8)).min(1).max(40),
    default: [
      '现金',
      '钱',
      '银行卡',
      '信用卡',
      '首饰',
      '金',
      '银镯',
      '项链',
      '戒指',
      '手镯',
      '耳环',
      '手机',
      '电脑',
      '平板',
    ],
    rules: ['LST-06'],
    open: 26,
    description:
      '物品名称或特征含这些词时，登记回复提示可能属贵重物品（现金、银行卡、首饰、手机/电脑）；是否贵重由导服勾选',
  }),
  'lostFound.announceEveryWeeks': def({
    schema: z.number().int().min(0).max(4),
    default: 1,
    rules: ['LST-07'],
    open: 27,
    description: '“定期发布公告招领”：每N周一次，在该周第一个工作日09:00把招领清单发到蓝马甲群；0 = 不自动发送',
  }),
  // [security]: transport and input bounds (no docs/rules.md OPEN number: the seed regulations are silent on them).
  'callback.maxSkewSeconds': def({
    schema: z.number().int().min(30).max(3600),
    default: 300,
    rules: [],
    description: '回调时间戳与当前时间相差超过该秒数即拒收（防重放；去重键保留远长于此，见 retention.transportDays）',
  }),
  'retention.transportDays': def({
    schema: z.number().int().min(1).max(3650),
    default: 30,
    rules: ['REC-10'],
    description:
      '收发传输副本（入站消息内容、出站消息正文）保留天数，之后清除内容、保留去重键；记录本身的保存期限仍为 OPEN（REC-10）',
  }),
  'group.robotHosts': def({
    schema: z.string().regex(/^[a-z0-9.-]+(,[a-z0-9.-]+)*$/, '应为逗号分隔的主机名，例如 qyapi.weixin.qq.com'),
    default: 'qyapi.weixin.qq.com',
    rules: [],
    description: '“群 绑定 webhook=…”允许的群机器人地址主机（逗号分隔，https）',
  }),
} as const satisfies Record<string, SettingDef>;

export type SettingName = keyof typeof SETTINGS;
export type SettingValue<N extends SettingName> = z.infer<(typeof SETTINGS)[N]['schema']>;

/** Job clock times are settings `job.<name>.cron` (D15) whose default is the jobs table's cron. */
export const jobCronSchema = cron;
