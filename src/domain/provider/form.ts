import type { EntityManager } from 'typeorm';
import type { FormDef, FormField } from '../../kernel/forms';
import { getSetting } from '../../settings/settings';

// 综窗考核细则 (PRF-09, OPEN #52; D202): one field per item of the configured checklist (`provider.checklist`),
// each 0…its maximum with one decimal, plus 月份. It submits to `考核 录入 <月份> 细则=项目:分,…`, so the
// command's own checks apply: every item scored, none above its maximum, the month's score = the sum (of a
// checklist whose maxima add up to 100).

const ITEM = '细则·';

export const providerScoreForm: FormDef = {
  kind: 'provider-score',
  title: '综窗考核细则',
  aliases: ['考核细则', '考核录入'],
  command: '考核 录入',
  fields: [{ key: '月份', label: '考核月份', required: true, help: '如 2026-02、上月' }],
  async current(m: EntityManager): Promise<FormDef> {
    const list = await getSetting(m, 'provider.checklist');
    const total = list.reduce((s, i) => s + i.max, 0);
    const items: FormField[] = list.map((i) => ({
      key: `${ITEM}${i.item}`,
      label: `${i.item}（满分 ${i.max}）`,
      type: 'number',
      decimal: true,
      required: true,
      help: `0–${i.max} 分，可保留一位小数`,
    }));
    return {
      ...providerScoreForm,
      intro: `逐项打分，合计即当月考核分数（满分 ${total}）。`,
      fields: [...providerScoreForm.fields, ...items],
    };
  },
  toArgs(values) {
    const items = Object.entries(values)
      .filter(([k]) => k.startsWith(ITEM))
      .map(([k, v]) => `${k.slice(ITEM.length)}:${v}`);
    return { ...(values.月份 ? { 月份: values.月份 } : {}), ...(items.length ? { 细则: items.join(',') } : {}) };
  },
};
