import { Between, type EntityManager } from 'typeorm';
import { Person } from '../../../entities/person';
import { TrainingLog } from '../../../entities/training-log';
import type { Ctx } from '../../kernel/ctx';
import { UserError } from '../../kernel/errors';
import type { Ledger } from '../../kernel/ledger';
import { addDays, cnDate, localDate, localStamp, type LocalDate } from '../../kernel/time';
import { insertRows } from '../../db';
import { weekStart } from './roster';

// 培训 (STF-03 岗前培训; STF-11, 003 措施10 “综合服务窗口每周开展业务培训一至两次”, 措施13 现场管理标准化培训):
// the 培训台账 and the weekly 综窗 count the Friday check reads (OPEN #32).

export const AUDIENCES = ['综窗', '部门'] as const;
export const TRAINING_TYPES = ['业务', '标准化'] as const;

/** 综窗 trainings in the week (Mon–Sun) of `date`. */
export async function weekTrainings(m: EntityManager, date: LocalDate): Promise<TrainingLog[]> {
  const monday = weekStart(date, false);
  return m.find(TrainingLog, { where: { audience: '综窗', date: Between(monday, addDays(monday, 6)) } });
}

/** `培训 登记 日期=… 主题=… 人数=… [对象=综窗|部门 类型=业务|标准化]`. */
export async function registerTraining(
  ctx: Ctx,
  input: { date: LocalDate; topic: string; headcount: number; audience?: string; type?: string },
): Promise<string> {
  if (input.date > localDate(ctx.now)) throw new UserError('培训登记记录已举办的培训，日期不能晚于今天。');
  // D167: a provider (思源政务, DIR-16) records the 综合服务窗口's own trainings; others default to their department.
  const audience = input.audience ?? (ctx.actor.roles.includes('provider') ? '综窗' : '部门');
  const type = input.type ?? '业务';
  await insertRows(ctx.m, TrainingLog, {
    date: input.date,
    topic: input.topic.trim(),
    headcount: input.headcount,
    audience,
    type,
    organizer: ctx.actor.userid,
    createdAt: ctx.now,
  });
  const row = await ctx.m.findOneOrFail(TrainingLog, { where: { organizer: ctx.actor.userid }, order: { id: 'DESC' } });
  await ctx.audit('training.register', 'training_log', String(row.id), { date: input.date, audience, type });
  const count = (await weekTrainings(ctx.m, input.date)).length;
  return `✅ ${cnDate(input.date)} ${audience}${type}培训“${row.topic}” ${input.headcount}人 已登记；本周综窗培训 ${count} 次`;
}

/** 培训台账 (STF-03, STF-11). */
export const trainingLedger: Ledger = {
  name: '培训台账',
  aliases: ['培训', '培训记录'],
  async build(db, range) {
    const rows = await db.manager.find(TrainingLog, {
      where: { date: Between(range.from, range.to) },
      order: { date: 'ASC', id: 'ASC' },
    });
    const people = await db.manager.find(Person);
    const name = (u: string) => people.find((p) => p.userid === u)?.name ?? u;
    return [
      {
        name: '培训台账',
        columns: [
          { header: '日期', key: 'date', width: 11, type: 'date' },
          { header: '对象', key: 'audience', width: 8 },
          { header: '类型', key: 'type', width: 8 },
          { header: '主题', key: 'topic', width: 30 },
          { header: '人数', key: 'headcount', width: 6, type: 'number' },
          { header: '组织者', key: 'organizer', width: 10 },
          { header: '登记时间', key: 'at', width: 17, type: 'datetime' },
        ],
        rows: rows.map((r) => ({
          date: r.date,
          audience: r.audience,
          type: r.type,
          topic: r.topic,
          headcount: r.headcount,
          organizer: name(r.organizer),
          at: localStamp(r.createdAt),
        })),
      },
    ];
  },
};
