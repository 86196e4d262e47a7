import { type FormDef, PHOTO_ACCEPT } from '../src/kernel/forms';
import { SEVERITIES } from '../src/domain/inspections/rules';

// H5 forms of [supervision] (docs/commands.md): each submits to the chat command with the same checks.

export const SUPERVISION_FORMS: FormDef[] = [
  {
    kind: 'inspection',
    title: '巡查记录',
    aliases: ['巡查发现'],
    command: '巡查 发现',
    intro: 'INS-06：每条问题注明巡查项目（INS-05 第1–11项）。',
    fields: [
      { key: '巡查', label: '巡查记录编号（XC号，可空：当日进行中的巡查）' },
      { key: '窗口', label: '窗口号' },
      { key: '人', label: '工作人员（姓名或账号）' },
      { key: '部门', label: '部门代码（无窗口时）' },
      {
        key: '项',
        label: '巡查项目 1–11',
        type: 'select',
        options: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'],
        required: true,
      },
      { key: '程度', label: '程度', type: 'select', options: [...SEVERITIES] },
      { key: '说明', label: '问题说明', type: 'textarea', required: true },
      { key: '处理', label: '当场处理' },
      { key: '区域', label: '区域（前台/后台/公共）' },
      // D220: into the finding's 巡查证据 slot.
      { key: '证据', label: '巡查证据（照片）', type: 'file', accept: PHOTO_ACCEPT },
    ],
  },
  {
    kind: 'finding-dispute',
    title: '巡查发现异议',
    aliases: ['异议'],
    command: '巡查 异议',
    intro: 'INS-09 / ACC-03：请说明理由，证据可在聊天中发送。',
    fields: [
      { key: '编号', label: '巡查发现编号（WT号）', required: true },
      { key: '理由', label: '异议理由', type: 'textarea', required: true },
    ],
  },
  {
    kind: 'talk',
    title: '约谈记录',
    command: '约谈 记录',
    intro: 'BRF-06，OPEN #23（9项）：编号在中心领导审定后生成。',
    fields: [
      { key: '部门', label: '部门代码', required: true },
      { key: '对象', label: '约谈类型', type: 'select', options: ['首席代表', '分管领导'] },
      { key: '月份', label: '所属月份（默认上月）' },
      { key: '日期', label: '约谈日期（下月10日前）', type: 'date', required: true },
      { key: '约谈人', label: '约谈人', required: true },
      { key: '约谈对象', label: '约谈对象姓名' },
      { key: '问题', label: '问题清单（WT/TS号）' },
      { key: '意见', label: '听取的意见建议', type: 'textarea', required: true },
      { key: '整改', label: '整改要求', type: 'textarea', required: true },
      { key: '期限', label: '整改期限', type: 'date', required: true },
    ],
  },
  {
    kind: 'notice-edit',
    title: '口头通报编辑',
    aliases: ['口头通报 编辑', '通报编辑'],
    command: '通报 修改',
    intro: 'BRF-02/03：增删巡查发现、补充文字后重新送分管领导审定。',
    fields: [
      { key: '编号', label: '审批编号（SP号）', required: true },
      { key: '删除', label: '删除的巡查发现（WT号，逗号分隔）' },
      { key: '增加', label: '增加的巡查发现（WT号，逗号分隔）' },
      { key: '文字', label: '补充文字', type: 'textarea' },
    ],
  },
  {
    kind: 'written-notice-edit',
    title: '书面通报编辑',
    aliases: ['书面通报 编辑'],
    command: '书面通报 修改',
    intro: 'BRF-01：（1）日常管理（2）晨会夕会（3）领导带班（4）评优评先（5）运行机制（6）投诉整改及其他。',
    fields: [
      { key: '部门', label: '部门代码', required: true },
      { key: '节', label: '第几项（1–6，空=补充说明）', type: 'select', options: ['1', '2', '3', '4', '5', '6'] },
      { key: '文字', label: '内容', type: 'textarea', required: true },
      { key: '月份', label: '月份（默认上月）' },
    ],
  },
  {
    kind: 'rectification',
    title: '整改方案',
    command: '整改 方案',
    intro: 'ACC-04：整改的内容、措施、完成时限、责任人缺一不可。',
    fields: [
      { key: '编号', label: '整改单编号（ZG号）', required: true },
      { key: '内容', label: '整改内容', type: 'textarea', required: true },
      { key: '措施', label: '整改措施', type: 'textarea', required: true },
      { key: '时限', label: '完成时限', type: 'date', required: true },
      { key: '责任人', label: '责任人', required: true },
    ],
  },
];
