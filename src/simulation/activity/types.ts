import type { WorkCalendar } from '../../kernel/work-calendar';
import type { LocalDate } from '../../kernel/time';
import type { SimDriver } from '../driver';
import type { HallModel, Scale } from '../hall';
import type { Rng } from '../prng';

/** What every activity sees: the bot (through the driver), the hall, the seeded PRNG and the month. */
export interface SimContext {
  driver: SimDriver;
  hall: HallModel;
  rng: Rng;
  calendar: WorkCalendar;
  scale: Scale;
  /** The WDs of the simulated month, in order. */
  workdays: LocalDate[];
  /** Counters an activity keeps for the report (`complaints.registered`, `closures.refused` …). */
  tally(key: string, n?: number): void;
}

/** One thing someone does at a Beijing time of the day. */
export interface Action {
  at: string;
  what: string;
  run(): Promise<void>;
}

/**
 * A domain's part of the simulated month (one file per domain, listed in activity/index.ts): each day it says
 * what people do and when. It keeps its own state (records in progress) between days.
 */
export interface Activity {
  name: string;
  day(ctx: SimContext, day: LocalDate): Action[];
}

/** How many a day for a monthly target spread over the month's WDs (deterministic rounding by WD index). */
export function perDay(monthly: number, workdays: number, index: number): number {
  return Math.floor(((index + 1) * monthly) / workdays) - Math.floor((index * monthly) / workdays);
}
