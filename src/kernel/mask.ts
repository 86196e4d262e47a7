// REC-07 / OPEN #61 / D18: personal data is masked for everyone without hall_office, leader or supervisor.
import type { Role } from '../../entities/person-role';

export const UNMASKED_ROLES: readonly Role[] = ['hall_office', 'leader', 'supervisor'];

export function seesPersonalData(roles: readonly Role[]): boolean {
  return roles.some((r) => UNMASKED_ROLES.includes(r));
}

/** `王某某` → `王*` (D18). */
export function maskName(name: string | null | undefined): string {
  if (!name) return '';
  return `${[...name][0]}*`;
}

/** `13912345678` → `139****5678`. */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\s/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** `152701199001011234` → `1527**********1234`. */
export function maskIdNumber(id: string | null | undefined): string {
  if (!id) return '';
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** Address down to 苏木/镇 level (docs/commands.md): keep up to the first 苏木/镇/乡/街道. */
export function maskAddress(address: string | null | undefined): string {
  if (!address) return '';
  const m = /^(.*?(苏木|镇|乡|街道))/.exec(address);
  return m ? `${m[1]}***` : `${[...address].slice(0, 3).join('')}***`;
}

/** The person a free text may name (a complaint's complainant); `confidential` = 保密 (D18). */
export interface KnownPerson {
  complainantName?: string | null;
  complainantPhone?: string | null;
  complainantAddress?: string | null;
  confidential?: boolean | null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The digits of a number as typed anywhere: `13912345678` also matches `139 1234 5678` and `139-1234-5678`. */
const spacedDigits = (digits: string) => [...digits].map(escapeRe).join('[\\s-]?');

// Number shapes found in 事项/意见/说明 (REC-07, D18): an 18-character ID (last may be X) written with or without
// spaces; a mobile with or without +86, spaces or dashes; a landline with its area code (0477-7218686,
// (0477)7218686, 0477 7218686, 04777218686). Bare 7–8 digit numbers are left alone: dates and amounts look the same.
const ID_NUMBER = /(?<![\dA-Za-z])[1-9](?:[\s-]?\d){16}[\s-]?[\dXx](?![\dA-Za-z])/g;
const MOBILE = /(?<![\d+])(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)/g;
const LANDLINE = /(?<!\d)(?:[(（]0\d{2,3}[)）][\s-]?|0\d{2,3}[\s-]?)[2-9]\d{6,7}(?!\d)/g;

const digitsOf = (s: string) => s.replace(/\D/g, '');

/**
 * Free text as the respondent side or a masked export may read it: every ID number, mobile and landline
 * masked, and the complainant's own name, phone and address (however spaced) masked — or, for a 保密
 * complaint, removed altogether ("保密", D18).
 */
export function maskFreeText(text: string | null | undefined, who: KnownPerson = {}): string {
  if (!text) return '';
  const secret = Boolean(who.confidential);
  let out = text;
  const phone = digitsOf(who.complainantPhone ?? '');
  if (phone.length >= 5) out = out.replace(new RegExp(spacedDigits(phone), 'g'), secret ? '[保密]' : maskPhone(phone));
  for (const [value, masked] of [
    [who.complainantAddress, maskAddress(who.complainantAddress)],
    [who.complainantName, maskName(who.complainantName)],
  ] as const) {
    const v = value?.trim();
    if (v && [...v].length >= 2) out = out.split(v).join(secret ? '[保密]' : masked);
  }
  return out
    .replace(ID_NUMBER, (m) => maskIdNumber(m.replace(/[\s-]/g, '')))
    .replace(MOBILE, (m) => maskPhone(digitsOf(m).replace(/^86(?=1\d{10}$)/, '')))
    .replace(LANDLINE, (m) => maskPhone(digitsOf(m)));
}
