// Words for the history lines of `记录 历史` (REC-02): what an audit action and its detail keys mean in chat.
// Domain-specific actions first; otherwise the verb after the last dot.

const ACTIONS: Record<string, string> = {
  'approval.start': '送审批',
  'approval.approve': '同意',
  'approval.reject': '驳回',
  'approval.withdraw': '撤回审批',
  'attachment.add': '附件',
  'deadline.open': '期限开始',
  'deadline.close': '期限结束',
  'deadline.pause': '期限暂停',
  'deadline.resume': '期限恢复',
  'deadline.extend': '期限延长',
  'deadline.restart': '期限重新计算',
  'deadline.recompute': '期限重算',
  'referral.record': '移交',
  'finding.record': '记录问题',
  'finding.praise': '表扬',
  'finding.confirm': '确认',
  'finding.dispute': '提出异议',
  'finding.uphold': '异议裁定：维持',
  'finding.withdraw': '异议裁定：撤销',
  'lost.register': '登记',
  'lost.更正': '更正',
  'form.export': '导出表单',
  'leave.request': '申请',
  'leave.cancelled': '撤销',
  'leave.returned': '销假',
  'leave.return_reminder': '提醒销假',
  'leave.absent': '未销假，报脱岗',
  'leave.no_cover': '窗口无人在岗，提示顶岗或临时关闭',
  'leave.paper_started': '登记纸质审批',
};

const VERBS: Record<string, string> = {
  register: '登记',
  draft: '保存草稿',
  draft_update: '更新草稿',
  submit: '提交',
  approved: '批准',
  approve: '同意',
  rejected: '驳回',
  reject: '驳回',
  withdrawn: '撤回',
  withdraw: '撤回',
  correct: '更正',
  edit: '修改',
  publish: '发布',
  number: '编号',
  start: '开始',
  end: '结束',
  done: '完成',
  complete: '完成',
  create: '创建',
  issue: '下达',
  plan: '整改方案',
  progress: '进度',
  accept: '验收',
  signed: '签字',
  reopen: '重启',
  reclaimed: '收回',
  clear: '消除',
  overdue: '超期',
  archive: '归档',
};

/** Detail keys shown in a history line, with their words; other keys (ids, hashes) are left out. */
export const DETAIL_KEYS: Record<string, string> = {
  field: '字段',
  previous: '原值',
  value: '新值',
  reason: '原因',
  label: '',
  department: '部门',
  dueDate: '期限',
  purpose: '',
  status: '状态',
  note: '说明',
  announcedDate: '公告日期',
  verdict: '认定',
  satisfaction: '满意度',
  outcome: '结果',
  side: '',
  text: '',
  result: '',
};

export function actionLabel(action: string, extra: Readonly<Record<string, string>> = {}): string {
  const known = extra[action] ?? ACTIONS[action];
  if (known) return known;
  const verb = action.split('.').at(-1) ?? action;
  return VERBS[verb] ?? action;
}

/** Reminder kinds of reminder_log (D16) in words; an unknown kind is shown as stored. */
const REMINDERS: Record<string, string> = {
  'due-soon': '到期前提醒',
  'due-1': '到期前提醒',
  overdue: '超期提醒',
  escalate: '超期上报',
  remind: '提醒',
  progress: '进度提醒',
  'approval-remind': '待审批提醒',
  'approval-escalate': '审批超时上报',
  'lst-contact': '联系失主核查',
  'lst-perishable': '易坏物品到期提醒',
  'lst-transfer': '半年期满移交提醒',
  'lst-valuable': '贵重物品提醒',
  'win07-before': '到期前到岗提醒',
  'win07-confirm': '到岗确认',
  'win07-overdue': '逾期未到岗提醒',
  win08: '关闭超一个月提醒',
};

export function reminderLabel(kind: string): string {
  return REMINDERS[kind] ?? kind;
}

/** Clock kinds outside the complaint family (whose words are deadlineLabel's), for history lines. */
const CLOCKS: Record<string, string> = {
  'finding:dispute': '异议期限',
  'keytask:due': '督办期限',
  'rectification:plan': '整改方案期限',
  'rectification:completion': '整改完成期限',
};

export function clockLabel(kind: string, complaintLabel: (k: string) => string): string {
  return CLOCKS[kind] ?? complaintLabel(kind);
}
