import { In } from 'typeorm';
import { Attachment } from '../../../entities/attachment';
import { ServiceCase } from '../../../entities/case';
import { MailItem } from '../../../entities/mail-item';
import { DIRECTION, MAIL_SUBJECT, MST, RECEIPT } from '../../domain/mail/model';
import { localDate } from '../../kernel/time';
import type { Invariant } from './types';

// 政务专递 (000 政务专递 二, 三(二); MAIL-02, MAIL-04, D211): every 邮寄台账 entry names a registered case (free mail
// is for a case's materials or result only); a result goes out only once its case is 办结; an entry is closed
// (已寄出) only with its 快递存单 photo stored against that entry.
export const mailEntries: Invariant = {
  name: '邮寄台账 entries tied to a case, closed with 存单',
  rules: 'MAIL-02, MAIL-04, D211',
  async check(f) {
    const entries = await f.m.find(MailItem, { order: { id: 'ASC' } });
    const nos = [...new Set(entries.map((e) => e.caseNo).filter((x) => x))];
    const cases = new Map(
      (nos.length ? await f.m.find(ServiceCase, { where: { no: In(nos) } }) : []).map((c) => [c.no, c]),
    );
    const ids = entries.map((e) => e.receiptAttachmentId).filter((x): x is number => x != null);
    const receipts = new Map(
      (ids.length ? await f.m.find(Attachment, { where: { id: In(ids) } }) : []).map((a) => [a.id, a]),
    );
    const violations: string[] = [];
    for (const e of entries) {
      const c = cases.get(e.caseNo);
      if (!c) violations.push(`${e.no} names no registered case (“${e.caseNo}”)`);
      if (e.direction !== DIRECTION.out) continue;
      if (e.sentAt && c && (!c.finishedAt || c.finishedAt > e.sentAt))
        violations.push(
          `${e.no} sent ${localDate(e.sentAt)} before ${c.no} was 办结 (${c.finishedAt ? localDate(c.finishedAt) : 'not yet'})`,
        );
      if (e.status !== MST.sent) continue;
      const a = e.receiptAttachmentId == null ? undefined : receipts.get(e.receiptAttachmentId);
      if (!a) violations.push(`${e.no} closed (已寄出) without its 快递存单`);
      else if (a.ownerType !== MAIL_SUBJECT || a.ownerId !== e.no || a.purpose !== RECEIPT)
        violations.push(`${e.no} closed with attachment ${a.id}, which is not its 快递存单`);
    }
    return { checked: entries.length, violations };
  },
};
