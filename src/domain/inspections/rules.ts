import { ruleRefusal } from '../../kernel/errors';

// Pure rule data of 000 巡查制度 (INS-01…INS-12): check items, severities, types, areas.

/** INS-05 (000 巡查 三(一)–(十一)): the 11 check items, short labels for phones. */
export const CHECK_ITEMS: Record<number, string> = {
  1: '运行情况/办件服务',
  2: '服务态度/好差评/叫号/提醒评价',
  3: '在岗（串岗、空岗、迟到、早退）',
  4: '标准化管理（整洁、摆放、告知单）',
  5: '与工作无关行为',
  6: '着装坐姿形象、文明用语、工牌党徽',
  7: '自助设备、填表台、便民盒',
  8: '文明劝导、排队秩序',
  9: '环境卫生、设施、安全',
  10: '业务熟悉、首问、一次性告知、延时服务',
  11: '突发情况',
};

/** INS-07 severities; 重复/典型/重大 go to the center leaders, 突发 is handled at once. */
export const SEVERITIES = ['一般', '重复', '典型', '重大', '突发'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const ESCALATED: readonly Severity[] = ['重复', '典型', '重大', '突发'];

/** INS-06 / INS-12: inspection types (明察暗访 → 暗访, 平台监督 → 平台, 视频监控 → 监控). */
export const INSPECTION_TYPES = ['日常', '联合', '领导', '自查', '监控', '暗访', '平台', '好差评'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

/** INS-04: 前台受理区, 后台审批区, 公共区域. */
export const AREAS = ['前台', '后台', '公共'] as const;

/** Seed quotas (000 巡查 一(二)(三)): 联合 ≥2 per month, 领导 1 per month. */
export const JOINT_PER_MONTH = 2;
export const LEADER_PER_MONTH = 1;

/** `项=3`, `3`, `INS-05.3`, `（三）` → 3; HARD refusal otherwise (INS-05). */
export function parseItem(raw: string | undefined): number {
  const cn: Record<string, number> = {
    一: 1,
    二: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
    十: 10,
    十一: 11,
  };
  const s = (raw ?? '')
    .trim()
    .replace(/^INS-05\./i, '')
    .replace(/^[（(]|[）)]$/g, '');
  const n = /^\d{1,2}$/.test(s) ? Number(s) : cn[s];
  if (!n || n < 1 || n > 11) {
    throw ruleRefusal(
      'INS-05',
      '000 巡查 三',
      `每条巡查发现须注明一个巡查项目编号 1–11（例：项=3 表示“在岗情况”）${raw ? `，“${raw}”不是有效编号` : ''}。`,
    );
  }
  return n;
}

export function itemLabel(item: number | null): string {
  return item ? `项${item}` : '';
}

/** `在岗`, `服务态度`: the item's name without its number, for printed and published texts (D41). */
export function itemCategory(item: number | null): string {
  return item ? (CHECK_ITEMS[item]?.split(/[/（、]/)[0] ?? '') : '';
}

/** `INS-05.3 在岗（串岗、空岗、迟到、早退）`. */
export function itemFull(item: number | null): string {
  return item ? `INS-05.${item} ${CHECK_ITEMS[item]}` : '';
}

/**
 * OPEN #16 "重复出现": the same window or staff with the same item, `count` times (this one included) within
 * `days` calendar days → 重复. A higher severity chosen by the recorder is kept.
 */
export function autoSeverity(
  chosen: Severity,
  earlierSameItem: number,
  count: number,
): { severity: Severity; tagged: boolean } {
  if (chosen === '一般' && earlierSameItem + 1 >= count) return { severity: '重复', tagged: true };
  return { severity: chosen, tagged: false };
}

/** The normalised area value (several allowed: `前台,后台`). */
export function parseAreas(raw: string | undefined): string | null {
  if (!raw) return null;
  const parts = raw
    .split(/[,，、/]/)
    .map((s) => s.trim().replace(/(受理|审批)?区域?$/, ''))
    .filter(Boolean);
  const bad = parts.filter((p) => !(AREAS as readonly string[]).includes(p));
  if (bad.length)
    throw ruleRefusal(
      'INS-04',
      '000 巡查 三',
      `巡查范围为前台受理区、后台审批区、公共区域（区域=前台|后台|公共），“${bad[0]}”无法识别。`,
    );
  return parts.join(',');
}

/** Floors 1–3 (INS-04): `2`, `1-3`, `2楼`. */
export function parseFloor(raw: string | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/楼$/, '');
  const m = /^([1-3])(?:-([1-3]))?$/.exec(s);
  if (!m || (m[2] && m[2] < m[1]))
    throw ruleRefusal('INS-04', '000 巡查 三', `巡查范围为1–3楼（楼层=1、2、3 或 1-3），“${raw}”无效。`);
  return m[2] ? `${m[1]}-${m[2]}` : m[1];
}
