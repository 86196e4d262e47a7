import type { Actor } from '../../kernel/ctx';
import { maskIdNumber, maskPhone, seesPersonalData } from '../../kernel/mask';

// D18 / REC-07 on the desk: guides see 失主 phones and claimants' ID numbers masked; hall_office, leader and
// supervisor see them in full. Free text (失主信息, 报失 联系) is masked wherever a phone or ID number appears.

const ID_IN_TEXT = /\d{17}[\dXx]|\d{15}/g;
const PHONE_IN_TEXT = /(?<!\d)(1\d{10}|0\d{2,3}-?\d{7,8})(?!\d)/g;

export function maskFreeText(text: string): string {
  return text.replace(ID_IN_TEXT, (id) => maskIdNumber(id)).replace(PHONE_IN_TEXT, (p) => maskPhone(p));
}

/** What `actor` may read of a personal-data text. */
export function personalText(actor: Pick<Actor, 'roles'>, text: string | null | undefined): string {
  if (!text) return '';
  return seesPersonalData(actor.roles) ? text : maskFreeText(text);
}

export function idNumberFor(actor: Pick<Actor, 'roles'>, id: string): string {
  return seesPersonalData(actor.roles) ? id : maskIdNumber(id);
}
