// PRF-03 / PRF-04 (002 绩效方案 三(四), 四): bands of a monthly score on a 100-point scale and the share of that
// month's fee withheld. Scores are in tenths (D96), so every comparison and the fee are integer arithmetic.

export type Band = '不达标' | '基本达标' | '优秀';

/** "80分以下" 不达标, "80-90（含90）" 基本达标, "90分以上" 优秀; exactly 80 follows `provider.score80` (OPEN #58). */
export function bandOf(tenths: number, at80: Band): Band {
  if (tenths === 800) return at80;
  if (tenths < 800) return '不达标';
  return tenths <= 900 ? '基本达标' : '优秀';
}

/** PRF-04: 不达标 10 %, 基本达标 5 %, 优秀 none. */
export const DEDUCTION_PERCENT: Record<Band, number> = { 不达标: 10, 基本达标: 5, 优秀: 0 };

/** What is paid for the month, in fen, rounded down to the fen (the deduction is never short-changed). */
export function payableFen(feeFen: number, percent: number): number {
  return feeFen - Math.ceil((feeFen * percent) / 100);
}

/** `85.5`, `90` — one decimal only when there is one. */
export const scoreText = (tenths: number) => (tenths % 10 ? (tenths / 10).toFixed(1) : String(tenths / 10));

/** `¥12,345.67` */
export const yuan = (fen: number) =>
  `¥${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

/** A typed score `85`, `85.5`, `100` → tenths; anything else (100.5, -1, 85.55) → null. */
export function parseScore(s: string): number | null {
  if (!/^\d{1,3}(\.\d)?$/.test(s.trim())) return null;
  const tenths = Math.round(Number(s) * 10);
  return tenths >= 0 && tenths <= 1000 ? tenths : null;
}
