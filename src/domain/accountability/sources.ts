import type { EntityManager } from 'typeorm';
import { Accountability } from '../../../entities/accountability';
import { BadReview } from '../../../entities/bad-review';
import { ServiceCase } from '../../../entities/case';
import { Complaint } from '../../../entities/complaint';
import { DeductionEvent } from '../../../entities/deduction-event';
import { Finding } from '../../../entities/finding';
import { MailItem } from '../../../entities/mail-item';
import { Rectification } from '../../../entities/rectification';
import { getSetting } from '../../settings/settings';
import { localDate, yearOf } from '../../kernel/time';
import { normaliseRecordRef } from '../../kernel/numbers';
import { findNoticeByNo, parseNoticeRef } from '../briefings/numbering';

// ACC-04 / ACC-05: a rectification order, a 问效 record or an appeal names its source by number. Sources are
// resolved by prefix: AJ (办件), WT (finding), TS (complaint), ZG, WX, KF, YJ (政务专递, MAIL-06), 督通 (notice),
// CP (差评); any other prefix is kept as the typed reference with no department.

export interface SourceRef {
  no: string;
  type:
    | 'case'
    | 'finding'
    | 'complaint'
    | 'rectification'
    | 'accountability'
    | 'deduction'
    | 'notice'
    | 'review'
    | 'mail'
    | 'other';
  departmentCode: string | null;
  /** The person the source names, if any (finding staff, complaint staff, deduction person). */
  personUserid: string | null;
  /** The source row exists in a table this module knows. */
  known: boolean;
  severity?: string | null;
  findingStatus?: string;
}

const PREFIX_WIDTH: Record<string, number> = { AJ: 5, WT: 4, TS: 4, ZG: 4, KF: 4, CP: 4, WX: 3, DB: 3, YJ: 4 };

export async function resolveSource(m: EntityManager, ref: string, now: Date): Promise<SourceRef> {
  const year = yearOf(localDate(now));
  const raw = ref.trim().toUpperCase();
  const prefix = await getSetting(m, 'notice.numberPrefix');
  const noticeNo = parseNoticeRef(ref.trim(), prefix, year);
  if (noticeNo) {
    const n = await findNoticeByNo(m, noticeNo);
    return { no: noticeNo, type: 'notice', departmentCode: n?.departmentCode ?? null, personUserid: null, known: !!n };
  }
  const p = /^([A-Z]{2})/.exec(raw)?.[1] ?? '';
  const no = PREFIX_WIDTH[p] ? (normaliseRecordRef(raw, p, year, PREFIX_WIDTH[p]) ?? raw) : raw;
  switch (p) {
    case 'WT': {
      const f = await m.findOne(Finding, { where: { no } });
      return {
        no,
        type: 'finding',
        departmentCode: f?.departmentCode ?? null,
        personUserid: f?.staffUserid ?? null,
        known: !!f,
        severity: f?.severity ?? null,
        findingStatus: f?.status,
      };
    }
    case 'TS': {
      const c = await m.findOne(Complaint, { where: { no } });
      return {
        no,
        type: 'complaint',
        departmentCode: c?.departmentCode ?? null,
        personUserid: c?.staffUserid ?? null,
        known: !!c,
      };
    }
    case 'ZG': {
      const r = await m.findOne(Rectification, { where: { no } });
      return {
        no,
        type: 'rectification',
        departmentCode: r?.departmentCode ?? null,
        personUserid: r?.responsible ?? null,
        known: !!r,
      };
    }
    case 'WX': {
      const x = await m.findOne(Accountability, { where: { no } });
      return {
        no,
        type: 'accountability',
        departmentCode: x?.departmentCode ?? null,
        personUserid: x?.subjectType === 'person' ? x.subjectId : null,
        known: !!x,
      };
    }
    case 'KF': {
      const k = await m.findOne(DeductionEvent, { where: { no } });
      return {
        no,
        type: 'deduction',
        departmentCode: k?.departmentCode ?? null,
        personUserid: k?.personUserid ?? null,
        known: !!k,
      };
    }
    case 'CP': {
      // REV-03: a 差评 names the department and, when the export's staff name is one person's, that person.
      const r = await m.findOne(BadReview, { where: { no } });
      return {
        no,
        type: 'review',
        departmentCode: r?.departmentCode ?? null,
        personUserid: r?.staffUserid ?? null,
        known: !!r,
      };
    }
    case 'AJ': {
      // A 办件 (ACC-08): its department, and the 首问责任人 who received it at the window.
      const c = await m.findOne(ServiceCase, { where: { no } });
      return {
        no,
        type: 'case',
        departmentCode: c?.departmentCode ?? null,
        personUserid: c?.firstResponder ?? null,
        known: !!c,
      };
    }
    case 'YJ': {
      // MAIL-06: a spot-checked 政务专递 entry names the window's department and the staff member who mailed it.
      const y = await m.findOne(MailItem, { where: { no } });
      return {
        no,
        type: 'mail',
        departmentCode: y?.departmentCode ?? null,
        personUserid: y?.handler ?? null,
        known: !!y,
      };
    }
    default:
      return { no: raw.slice(0, 32), type: 'other', departmentCode: null, personUserid: null, known: false };
  }
}
