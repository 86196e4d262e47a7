import type { FormDef } from '../../kernel/forms';

// H5 forms for 入岗 / 离岗 (000 调整管理 附件3, 附件4): each submits to its chat command (same checks, same reply).
// The 岗前培训材料 (STF-03) is uploaded on the page (D220) or sent in chat after submitting, into the record's
// attachment slot (D6); either way it submits the draft (the slot's hook).

export const onboardingForm: FormDef = {
  kind: 'onboarding',
  title: '旗政务服务中心进驻人员入岗审批表',
  aliases: ['进驻人员入岗审批表', '入岗审批表', '附件3'],
  command: '入岗 申请',
  intro:
    '进驻人员入岗审批表（000 调整管理 附件3）：须在入岗时间前至少5个工作日提交（17:30前）；岗前培训材料（审批业务、礼仪、消防安全、管理制度）可在本页上传，或提交后10分钟内在聊天中发送。此表一式两份。',
  fields: [
    { key: '姓名', label: '姓名', required: true },
    { key: '性别', label: '性别', type: 'select', options: ['男', '女'] },
    { key: '民族', label: '民族' },
    { key: '出生年月', label: '出生年月', help: '如 1990-01' },
    { key: '政治面貌', label: '政治面貌' },
    { key: '学历', label: '学历' },
    { key: '电话', label: '联系方式' },
    { key: '毕业学校', label: '毕业学校及专业' },
    { key: '身份证', label: '身份证号', help: '18位；他人查看时遮蔽' },
    { key: '人员身份', label: '人员身份', help: '公务员、参公、事业编制、聘用、劳务派遣、服务外包（可由管理员调整）' },
    { key: '单位职务', label: '工作单位及职务' },
    { key: '职责', label: '主要工作职责', type: 'textarea' },
    { key: '窗口', label: '窗口号', required: true },
    { key: '窗口类型', label: '窗口类型', help: '留空取窗口登记的类型' },
    { key: '服务事项', label: '服务事项', type: 'textarea' },
    { key: '入岗', label: '入岗时间', type: 'date', required: true },
    { key: '培训材料', label: '岗前培训材料（STF-03）', type: 'file' },
    { key: '无材料理由', label: '无培训材料的理由（填写后送中心领导审批）', type: 'textarea' },
  ],
};

export const offboardingForm: FormDef = {
  kind: 'offboarding',
  title: '旗政务服务中心进驻人员离岗审批表',
  aliases: ['进驻人员离岗审批表', '政务大厅工作人员离岗审批表', '离岗审批表', '附件4'],
  command: '离岗 申请',
  intro:
    '进驻人员离岗审批表（000 调整管理 附件4，即《政务大厅工作人员离岗审批表》）：须在离岗时间前至少15个工作日提交；本人确认离岗原因后送审；在岗未满1年须写原因码并经中心领导审批。批准后按 a–f 办理离岗交接。此表一式两份。',
  fields: [
    { key: '人', label: '姓名（账号或姓名）', required: true },
    { key: '离岗', label: '离岗时间', type: 'date', required: true },
    {
      key: '原因码',
      label: '原因码（在岗未满1年时必填）',
      type: 'select',
      options: ['1', '2', '3', '4', '5'],
      help: '1 不胜任/严重违纪；2 健康原因；3 提拔/另行安排；4 调离派驻单位；5 其他特殊原因',
    },
    { key: '原因', label: '离岗原因', type: 'textarea' },
    { key: '接替', label: '接替人员（账号或姓名）' },
  ],
};

export const STAFFING_FORMS: readonly FormDef[] = [onboardingForm, offboardingForm];
