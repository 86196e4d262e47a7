import { isLocalDate } from '../../kernel/time';

// LST-08: the claimant's 有效身份证件. A 居民身份证 number (GB 11643-1999) has 17 digits and a check
// character computed with ISO 7064 MOD 11-2; a typo is caught here before it is recorded.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The problem with a 身份证 number, or undefined when it is valid. */
export function idCardProblem(raw: string): string | undefined {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为18位（最后一位可为X）';
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17]) return '身份证号码校验位不符，请核对';
  if (!isLocalDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)) return '身份证号码中的出生日期无效';
  return undefined;
}

/** The 证件 types the desk accepts; 身份证 numbers are checked (others are recorded as given). */
export const ID_TYPES = ['身份证', '临时身份证', '护照', '港澳通行证', '台胞证', '驾驶证', '社保卡', '军官证', '其他'];
const ID_ALIASES: Record<string, string> = { 居民身份证: '身份证', 身份证件: '身份证', 驾照: '驾驶证' };
export function normaliseIdType(s: string): string | undefined {
  const t = ID_ALIASES[s.trim()] ?? s.trim();
  return ID_TYPES.includes(t) ? t : undefined;
}
