import { Between } from 'typeorm';
import { AuditLog } from '../../entities/audit-log';
import { instantAt, localStamp } from '../kernel/time';
import type { Ledger } from '../kernel/ledger';

/** REC-02: who changed what and when — the append-only history every ledger rests on. */
export const auditLedger: Ledger = {
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
          { header: '时间', key: 'at', width: 18, type: 'datetime' },
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
