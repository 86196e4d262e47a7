import { Between } from 'typeorm';
import { ProviderEvent } from '../../../entities/provider-event';
import { ProviderScore } from '../../../entities/provider-score';
import { inRange, ledgerColumn, type Ledger } from '../../kernel/ledger';
import { localDate } from '../../kernel/time';
import { payableFen, scoreText, yuan } from './bands';
import { GROUNDS } from './termination';

// 综窗服务商考核台账 (PRF-01…09; docs/ledgers.md): the months of the range with score, band, fee deduction, the
// amount payable, disputes, and the termination grounds recorded in that month.

export const providerLedger: Ledger = {
  name: '综窗服务商考核台账',
  aliases: ['服务商考核', 'provider-scores'],
  async build(db, range) {
    const scores = await db.manager.find(ProviderScore, {
      where: { month: Between(range.from.slice(0, 7), range.to.slice(0, 7)) },
      order: { month: 'ASC' },
    });
    const grounds = (await db.manager.find(ProviderEvent, { where: { kind: '终止' }, order: { id: 'ASC' } })).filter(
      (g) => inRange(g.at, range),
    );
    const groundsOf = (month: string) =>
      grounds
        .filter((g) => localDate(g.at).slice(0, 7) === month || g.note.includes(month))
        .map((g) => `${g.period} (${g.ground}) ${GROUNDS[g.ground ?? 6]}`)
        .join('；');
    return [
      {
        name: '综窗服务商考核台账',
        columns: [
          ledgerColumn('月份', 'month', 9),
          ledgerColumn('分数', 'score', 7, 'number'),
          ledgerColumn('档次', 'band', 9),
          ledgerColumn('扣费比例（%）', 'percent', 9, 'number'),
          ledgerColumn('应付金额（元）', 'payable', 14, 'number'),
          ledgerColumn('月服务费', 'fee', 10),
          ledgerColumn('异议', 'dispute', 24),
          ledgerColumn('终止事由', 'grounds', 40),
        ],
        rows: scores.map((s) => ({
          month: s.month,
          score: scoreText(s.scoreTenths),
          band: s.band,
          percent: s.deductionPercent,
          payable: s.feeFen === null ? null : payableFen(s.feeFen, s.deductionPercent) / 100,
          fee: s.feeFen === null ? '未设置' : yuan(s.feeFen),
          dispute: s.status === '正常' ? '' : `${s.status}${s.disputeReason ? `：${s.disputeReason}` : ''}`,
          grounds: groundsOf(s.month),
        })),
      },
    ];
  },
};
