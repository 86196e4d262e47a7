import { Between } from 'typeorm';
import { AuditLog } from '../../entities/audit-log';
import type { Db } from '../db';
import { instantAt, localStamp, type LocalDate } from '../kernel/time';
import type { Sheet } from './xlsx';
import { peakSuspensionLedger, windowLedger } from '../domain/windows/ledgers';
import { complaintLedger, petitionLedger } from '../domain/complaints/ledger';
import { SUPERVISION_LEDGERS } from './supervision-ledgers';
import { lostItemLedger } from '../domain/lost-found/ledger';

/** A 台账 that `export <ledger>` (CLI) and `导出 <台账>` (chat) can write (commands.md §6). */
export interface Ledger {
  name: string;
  aliases: string[];
  /** ● in commands.md §6: a 首席代表 may export its own department's rows. */
  perDepartment?: boolean;
  build(
    db: Db,
    range: { from: LocalDate; to: LocalDate },
    opts: { unmasked: boolean; department?: string },
  ): Promise<Sheet[]>;
}

/** REC-02: who changed what and when — the append-only history every ledger rests on. */
const auditLedger: Ledger = {
  name: '审计日志',
  aliases: ['audit'],
  async build(db, range) {
    const rows = await db.manager.find(AuditLog, {
      where: { at: Between(instantAt(range.from).toISOString(), instantAt(range.to, '23:59').toISOString()) as never },
      order: { id: 'ASC' },
    });
    return [
      {
        name: '审计日志',
        columns: [
          { header: '时间', key: 'at', width: 18 },
          { header: '操作人', key: 'actor', width: 14 },
          { header: '操作', key: 'action', width: 22 },
          { header: '对象类型', key: 'subjectType', width: 12 },
          { header: '对象', key: 'subjectId', width: 18 },
          { header: '详情', key: 'detail', width: 60 },
        ],
        rows: rows.map((r) => ({
          at: localStamp(r.at),
          actor: r.actor,
          action: r.action,
          subjectType: r.subjectType,
          subjectId: r.subjectId,
          detail: r.detail ? JSON.stringify(r.detail) : '',
        })),
      },
    ];
  },
};

/** Every exportable ledger (literal table; domains add theirs). */
export const LEDGERS: Ledger[] = [
  auditLedger,
  complaintLedger,
  petitionLedger,
  windowLedger,
  peakSuspensionLedger,
  ...SUPERVISION_LEDGERS,
  lostItemLedger, // 遗失物品登记表 (LST-02…10, REC-09)
];

export function findLedger(name: string): Ledger | undefined {
  return LEDGERS.find((l) => l.name === name || l.aliases.includes(name));
}
