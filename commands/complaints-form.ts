import type { FormDef } from '../src/kernel/forms';
import { CATEGORIES, CHANNELS, NATURES, TYPES } from '../src/domain/complaints/model';

/**
 * 投诉登记表 (the rulebook's §2 (docs/rules.md) form, OPEN #14; docs/commands.md): fields 1–14 are filled here and submitted to
 * `投诉 登记` with the same checks; fields 15–25 (调查, 处理, 落实, 答复, 结果, 归档) are recorded by the later
 * `投诉 …` commands and shown on the 台账. Field 1 (编号) and 25 (经办人) are set by the bot.
 */
export const complaintForm: FormDef = {
  kind: 'complaint',
  title: '投诉登记表',
  aliases: ['投诉登记', '投诉'],
  command: '投诉 登记',
  intro:
    '请勿填写涉密内容（REC-05）。投诉人要求保密的，被投诉方只会看到“投诉人：保密”。重大事项投诉须提供书面材料（可在本页上传，或提交后按提示发送）。',
  fields: [
    { key: '类型', label: '类型', type: 'select', options: [...TYPES] },
    { key: '时间', label: '投诉时间', type: 'date', help: '默认今天' },
    { key: '方式', label: '投诉方式', type: 'select', options: [...CHANNELS], required: true },
    { key: '姓名', label: '投诉人', help: '意见箱等可空' },
    { key: '电话', label: '联系电话' },
    { key: '地址', label: '通讯地址' },
    { key: '保密', label: '是否要求保密', type: 'select', options: ['否', '是'] },
    { key: '部门', label: '被投诉部门', help: '部门代码，如 GA' },
    { key: '窗口', label: '被投诉窗口', help: '如 12号窗' },
    { key: '人员', label: '被投诉人员', help: '姓名；导服人员可不填部门' },
    { key: '事项', label: '投诉事项 / 投诉内容', type: 'textarea', required: true },
    { key: '原因', label: '原因', type: 'textarea' },
    { key: '要求', label: '解决要求', type: 'textarea' },
    { key: '类别', label: '类别', type: 'select', options: [...CATEGORIES], required: true },
    { key: '性质', label: '性质', type: 'select', options: [...NATURES] },
    { key: '平台期限', label: '平台答复期限', type: 'date', help: '12345、蒙速办、政务服务网、好差评转来的按平台要求' },
    { key: '工单号', label: '12345 工单号' },
    { key: '差评号', label: '差评号', help: 'CP2026-0011' },
    { key: '来源', label: '待登记编号', help: '导服/窗口上报的 #编号' },
    // D220: into the 书面投诉材料 slot, which only a 重大事项 complaint opens (CMP-03).
    { key: '书面材料', label: '书面投诉材料（重大事项投诉须提供）', type: 'file' },
  ],
};
