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

/** Address down to 苏木/镇 level (commands.md §3.16): keep up to the first 苏木/镇/乡/街道. */
export function maskAddress(address: string | null | undefined): string {
  if (!address) return '';
  const m = /^(.*?(苏木|镇|乡|街道))/.exec(address);
  return m ? `${m[1]}***` : `${[...address].slice(0, 3).join('')}***`;
}
