import type { FormDef } from '../../kernel/forms';

// H5 forms of docs/commands.md for [windows]: each submits to its chat command (same checks, same reply).
// Photos and files (证明材料, stamped scans, OPEN #3) are sent in chat after the command, into its attachment slot (D6).

const NO_HELP = '由聊天消息中的链接自动带入；新申请留空';

export const windowClosureForm: FormDef = {
  kind: 'window-closure',
  title: '窗口临时关闭（重启）申请表',
  aliases: ['窗口临时关闭申请表', '附件2'],
  command: '窗口 关闭',
  intro:
    '旗政务服务中心窗口临时关闭（重启）申请表（000 调整管理 附件2）。至少提前1个工作日申请（17:30前）。重启请在聊天中发送：窗口 重启 <窗口号> 日期=…',
  fields: [
    { key: '编号', label: '草稿编号', help: NO_HELP },
    { key: '窗口', label: '窗口位置编号', required: true, help: '多个窗口用逗号分隔，如 12,13' },
    { key: '事由', label: '事由（需提供证明材料或文件）', type: 'textarea', required: true },
    { key: '证明', label: '证明材料或文件（名称/文号）', help: '照片或扫描件请在10分钟内于聊天中直接发送' },
    { key: '从', label: '时间段 — 临时关闭 开始日期', type: 'date', required: true },
    { key: '到', label: '时间段 — 临时关闭 结束日期', type: 'date', required: true },
    { key: '联络人', label: '保障措施 — 联络人', required: true },
    { key: '联络电话', label: '保障措施 — 联络电话', required: true },
    { key: '咨询人员', label: '保障措施 — 业务咨询人员', required: true },
    { key: '咨询电话', label: '保障措施 — 咨询电话', required: true },
    { key: '宣传告知', label: '保障措施 — 宣传告知', type: 'textarea', required: true },
    { key: '高峰应对', label: '保障措施 — 业务高峰应对措施', type: 'textarea', required: true },
    {
      key: '不限号',
      label: '关闭时段本部门所有窗口不限号（承诺）',
      type: 'select',
      options: ['是'],
      required: true,
      help: 'rule WIN-04(2)',
    },
    { key: '超限理由', label: '超限理由（超过1/5上限时，送中心领导审批）', type: 'textarea' },
    { key: '理由', label: '说明理由（系统提示需补充时填写）', type: 'textarea' },
  ],
};

export const windowChangeForm: FormDef = {
  kind: 'window-change',
  title: '窗口变更登记备案表',
  aliases: ['旗政务服务中心窗口变更登记备案表', '附件1'],
  command: '窗口 变更',
  intro: '旗政务服务中心窗口变更登记备案表（000 调整管理 附件1）：本年度或一年以上持续性需要变更的窗口。',
  fields: [
    { key: '类型', label: '变更原因（新增或调减）', type: 'select', options: ['新增', '调减'], required: true },
    { key: '原因', label: '变更原因说明', type: 'textarea' },
    { key: '窗口', label: '新增（调减）窗口位置（编号）及数量', required: true, help: '逗号分隔，数量按编号个数计' },
    { key: '起始', label: '新增（调减）窗口起始日期', type: 'date', required: true },
    { key: '到', label: '预计截止日期（长期可不填）', type: 'date' },
    { key: '业务', label: '窗口办理业务内容', type: 'textarea', required: true },
    { key: '设备', label: '自带（撤离）设施设备' },
    { key: '理由', label: '说明理由（系统提示需补充时填写）', type: 'textarea' },
  ],
};

export const seasonalPlanForm: FormDef = {
  kind: 'seasonal-plan',
  title: '季节窗口年度计划',
  aliases: ['固定时间、季节性窗口使用计划'],
  command: '季节窗口 计划',
  intro: '每年度3月1日前报大厅管理室备案（000 调整管理 二(三)）。',
  fields: [
    { key: '年', label: '年度', type: 'number', required: true },
    { key: '窗口', label: '窗口位置编号', required: true },
    {
      key: '时段',
      label: '开放时段（每个窗口）',
      type: 'textarea',
      required: true,
      help: '例：14号窗 4月1日-10月31日',
    },
    { key: '联系人', label: '联系人及电话' },
    { key: '说明', label: '说明', type: 'textarea' },
    { key: '理由', label: '逾期说明（3月1日后备案时填写）', type: 'textarea' },
  ],
};

export const suspensionForm: FormDef = {
  kind: 'suspension',
  title: '业务临时停办登记备案表',
  aliases: ['临时停办业务登记备案表'],
  command: '停办 备案',
  intro: '业务临时停办登记备案表（000 高峰停办 附件）：至少提前5个工作日备案；至少提前4个工作日发布公告。',
  fields: [
    { key: '编号', label: '草稿编号', help: NO_HELP },
    { key: '事由', label: '业务临时停办事由及具体内容', type: 'textarea', required: true },
    { key: '文号', label: '证明文件文号', required: true },
    { key: '窗口', label: '窗口位置编号', required: true },
    { key: '从', label: '起止时间 — 开始日期', type: 'date', required: true },
    { key: '到', label: '起止时间 — 结束日期', type: 'date', required: true },
    {
      key: '咨询',
      label: '保障措施 — 负责停办业务咨询人员及咨询电话（2-3名）',
      required: true,
      help: '例：张三 13900000014,李四 13900000013',
    },
    { key: '电话', label: '对外公示的业务咨询电话（人员未单独填写电话时使用）' },
    { key: '预案', label: '工作预案（要点）', type: 'textarea', required: true },
    { key: '联系人', label: '申请部门（单位）联系人', required: true },
    { key: '联系电话', label: '申请部门（单位）联系电话', required: true },
    { key: '备注', label: '备注', type: 'textarea' },
  ],
};

export const peakPlanForm: FormDef = {
  kind: 'peak-plan',
  title: '业务高峰工作预案',
  aliases: ['高峰预案'],
  command: '高峰 预案',
  intro: '至少提前2个工作日报送大厅管理室（000 高峰停办 二(一)1）；高峰期间须开放全部窗口。',
  fields: [
    { key: '编号', label: '草稿编号', help: NO_HELP },
    { key: '从', label: '起止日期 — 开始', type: 'date', required: true },
    { key: '到', label: '起止日期 — 结束', type: 'date', required: true },
    { key: '原因', label: '原因', type: 'select', options: ['系统升级', '政策', '其他'], required: true },
    { key: '说明', label: '原因说明', type: 'textarea' },
    { key: '联系人', label: '联系人', required: true },
    { key: '联系电话', label: '联系电话', required: true },
    { key: '人员安排', label: '职责分工 · 人员安排（含派驻部门抽调）', type: 'textarea', required: true },
    { key: '宣传引导', label: '宣传及分流引导措施', type: 'textarea', required: true },
    { key: '技术保障', label: '设备系统网络检查 · 技术保障人员' },
    { key: '风险责任人', label: '风险防范责任人（默认首席代表）' },
    { key: '秩序专人', label: '秩序维护与咨询专人' },
    { key: '延时服务', label: '延时服务安排', type: 'textarea' },
    { key: '最大办理量', label: '每日最多可办理业务数量', type: 'number', required: true },
    { key: '已报派驻部门', label: '已报派驻部门（单位）', type: 'select', options: ['是'], required: true },
  ],
};

export const WINDOW_FORMS: FormDef[] = [
  windowClosureForm,
  windowChangeForm,
  seasonalPlanForm,
  suspensionForm,
  peakPlanForm,
];
