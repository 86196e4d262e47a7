import type { FormDef } from '../src/kernel/forms';

/** 邮寄台账 条目 (the rulebook's §12 record, OPEN #50): fields 3–4 at the applicant's choice, submitted to `专递 寄出`. */
export const mailEntryForm: FormDef = {
  kind: 'mail',
  title: '邮寄台账 条目',
  aliases: ['邮寄台账条目', '政务专递', '结果邮寄'],
  command: '专递 寄出',
  intro: '政务专递只寄与办件直接相关的审批结果（rule MAIL-02）。收件人信息只对大厅管理室完整显示。',
  fields: [
    { key: '办件', label: '办件编号或平台办件号', required: true, help: '如 AJ2026-01234' },
    { key: '联系人', label: '收件人（联系人）', required: true },
    { key: '电话', label: '联系电话', required: true },
    { key: '地址', label: '邮寄地址', type: 'textarea', required: true },
  ],
};

/** 事项调整申请 (000 事项动态 第二、三条; ITM-02/03): submitted to `事项 调整`; goes to 中心初审. */
export const itemChangeForm: FormDef = {
  kind: 'item-change',
  title: '事项调整申请',
  aliases: ['事项调整'],
  command: '事项 调整',
  intro: '涉密、敏感事项不进驻中心，不得填报（rule ITM-01）。新增事项须写明审批人员（rule ITM-03）。',
  fields: [
    { key: '类型', label: '调整类型', type: 'select', options: ['新增', '取消', '变更'], required: true },
    { key: '事项', label: '事项名称或编码', required: true },
    { key: '编码', label: '事项编码（新增时如已知）' },
    {
      key: '原因',
      label: '调整原因',
      type: 'select',
      options: ['1', '2', '3', '4', '5', '6'],
      required: true,
      help: '1 法规变化 2 下放管理层级 3 下沉苏木乡镇 4 机构改革 5 一网通办指南修订 6 其他',
    },
    { key: '说明', label: '依据文件及说明', type: 'textarea' },
    { key: '生效', label: '生效日期', type: 'date', required: true },
    { key: '审批人员', label: '审批人员（新增必填）' },
    // D220: into the request's 调整申请文件 slot.
    { key: '申请文件', label: '调整申请文件（盖章扫描件）', type: 'file' },
  ],
};
