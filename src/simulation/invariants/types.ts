import type { EntityManager } from 'typeorm';
import type { WorkCalendar } from '../../kernel/work-calendar';
import type { FakeWecomState } from '../../fake-wecom';
import type { JobDef } from '../../kernel/job';
import type { ApprovalKind } from '../../kernel/approval-kind';
import type { LocalDate } from '../../kernel/time';
import type { Deps } from '../../kernel/deps';

/** What an invariant reads after the month: the database, the calendar, the fake WeCom's record. */
export interface SimFacts {
  m: EntityManager;
  calendar: WorkCalendar;
  /** `YYYY-MM` simulated. */
  month: string;
  days: LocalDate[];
  workdays: LocalDate[];
  fake: FakeWecomState;
  jobs: readonly JobDef[];
  approvalKinds: readonly ApprovalKind[];
  /** The clock at the end of the run. */
  end: Date;
  /** The bot's dependencies, for an invariant that reads through a domain function (a printed form, D219). */
  deps: Deps;
}

export interface InvariantResult {
  /** How many things were looked at (reminders, notices, closures …). */
  checked: number;
  /** One line per violation; empty = pass. */
  violations: string[];
}

/** One property the month must have (one file per invariant, listed in invariants/index.ts). */
export interface Invariant {
  name: string;
  /** The rules or decisions it proves. */
  rules: string;
  check(f: SimFacts): Promise<InvariantResult>;
}

export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
