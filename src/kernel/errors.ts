import type { EntityManager } from 'typeorm';

/**
 * A problem the person can fix: shown to them as the reply, never logged as a fault (design rule 7).
 * Throwing it rolls back the event's transaction; the dispatcher then replies in a fresh one.
 */
export class UserError extends Error {
  /**
   * Writes that outlive the refusal, replayed in the reply's transaction: a form link's prefilled draft (D63),
   * so the link in the refusal opens with what was typed. Filled from `ctx.keep` by the chat router.
   */
  keep: ((m: EntityManager) => Promise<void>)[] = [];

  /**
   * The argument (form field key) the refusal is about, when it is about one field: the H5 page shows the message
   * beside that field (D221). Chat replies do not use it; the message itself names the field as before.
   */
  field?: string;

  constructor(message: string, field?: string) {
    super(message);
    this.name = 'UserError';
    if (field) this.field = field;
  }
}

/** Runs `check`; a UserError it throws without a field is marked as about `field` (D221), e.g. a window lookup. */
export async function onField<T>(field: string, check: () => Promise<T> | T): Promise<T> {
  try {
    return await check();
  } catch (err) {
    if (err instanceof UserError && !err.field) err.field = field;
    throw err;
  }
}

/** HARD refusal in the conventions (docs/architecture.md) pattern: `❌ 不符合规定（rule WIN-05；000 调整管理 二(二)2(1)）：…`. */
export function ruleRefusal(ruleId: string, cite: string, text: string, field?: string): UserError {
  return new UserError(`❌ 不符合规定（rule ${ruleId}；${cite}）：${text}`, field);
}

/** SOFT warning (conventions (docs/architecture.md)): proceeds only when the person adds the reason (and approver) asked for. */
export function softWarning(ruleId: string, text: string, needs = '理由=…', field?: string): UserError {
  return new UserError(`⚠️ 提醒（rule ${ruleId}）：${text}如确需继续，请补充 ${needs}`, field);
}

/** The user may not run this command. */
export class PermissionError extends UserError {}
