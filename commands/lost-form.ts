import { type FormDef, PHOTO_ACCEPT } from '../src/kernel/forms';

/**
 * 市民遗失物品登记表 (= 遗失物品登记表; the rulebook's §5 (docs/rules.md) form; docs/commands.md): fields 2–10 are filled here and
 * submitted to `失物 登记` with the same checks (LST-02 the five seed fields). Field 1 (编号) is set by the bot;
 * 11–16 (公告, 处置, 认领, 签字, 销毁, 注销) are recorded by the later `失物 …` commands.
 */
export const lostItemForm: FormDef = {
  kind: 'lost-item',
  title: '市民遗失物品登记表',
  aliases: ['遗失物品登记表', '失物登记'],
  command: '失物 登记',
  intro: '请勿填写涉密内容（REC-05）。失主信息只对大厅管理室完整显示。',
  fields: [
    { key: '名称', label: '物品名称', required: true },
    { key: '数量', label: '数量', type: 'number', required: true },
    { key: '特征', label: '特征', type: 'textarea', required: true },
    { key: '时间', label: '拾获时间', required: true, help: '如 2026-03-02 14:30、今天 9:30' },
    { key: '地点', label: '拾获地点', required: true },
    { key: '拾获人', label: '拾获人' },
    { key: '完好', label: '完好情况', help: '储存前检查是否完好无损' },
    { key: '存放', label: '存放位置', help: '失物存放柜 柜/格，如 柜2-3' },
    { key: '类别', label: '类别', type: 'select', options: ['一般', '易坏', '贵重'], help: '易坏 = 易变坏食物或药品' },
    { key: '失主', label: '失主信息', type: 'textarea', help: '物品中的姓名、电话等' },
    // D220: the photos land in the 物品照片 slot the registration opens (as if sent in chat right after it).
    { key: '照片', label: '物品照片', type: 'file', accept: PHOTO_ACCEPT },
  ],
};
