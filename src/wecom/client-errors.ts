// How the outbox should treat a failed WeCom call (WeCom doc 90313). The client never sleeps or loops: it
// says whether to retry and how long to wait at least; the outbox owns backoff and attempt limits.

/** Failures that did not come from a WeCom errcode carry one of these (negative, outside WeCom's range). */
export const TRANSPORT_ERRCODE = {
  http: -90001, // non-200 HTTP status
  timeout: -90002,
  network: -90003, // connection refused/reset, DNS
  badResponse: -90004, // 200 but not the JSON we expected
} as const;

export type ErrorCategory =
  | 'transient' // -1 busy, 45033 concurrency, HTTP 5xx, timeouts, network errors: retry soon
  | 'rate_limit' // 45009 (and HTTP 429): wait out the minute block (§4)
  | 'token' // 40014/42001 even after one refresh + retry: retry later
  | 'config' // wrong secret/corp/agent, IP not trusted, app not permitted, robot key bad: an operator must act
  | 'recipient' // nobody valid to deliver to (81013, 60111, 82001): drop the message
  | 'request' // the request itself is wrong (too long, duplicate task_id, used code…): retrying cannot help
  | 'unknown'; // unlisted errcode: retried, bounded by the outbox's attempt limit

const CATEGORY: Record<number, ErrorCategory> = {
  [-1]: 'transient',
  45033: 'transient',
  45009: 'rate_limit',
  40014: 'token',
  42001: 'token',
  40001: 'config',
  40013: 'config',
  40056: 'config',
  41001: 'config', // access_token missing from the URL: a client bug
  41002: 'config',
  41004: 'config',
  48002: 'config',
  50001: 'config',
  60011: 'config',
  60020: 'config', // takes ~1 min after the admin adds the IP (§6); still an operator matter
  86008: 'config',
  93000: 'config',
  93004: 'config',
  301002: 'config',
  81013: 'recipient',
  82001: 'recipient',
  60111: 'recipient',
  86003: 'recipient', // app chat no longer exists
  40003: 'request',
  40004: 'request',
  40005: 'request',
  40006: 'request',
  40007: 'request',
  40008: 'request',
  40029: 'request',
  40058: 'request',
  42014: 'request',
  44004: 'request',
  45002: 'request',
  86001: 'request',
  86004: 'request',
  86005: 'request',
  86006: 'request',
  86007: 'request',
  86215: 'request',
  86216: 'request',
  86220: 'request',
};

/** Minimum wait before the next attempt, by category (45009 blocks for the rest of a minute, §4). */
const RETRY_AFTER_MS: Partial<Record<ErrorCategory, number>> = {
  transient: 2_000,
  rate_limit: 60_000,
  token: 5_000,
  unknown: 30_000,
};

export function categoryOf(errcode: number): ErrorCategory {
  if (
    errcode === TRANSPORT_ERRCODE.http ||
    errcode === TRANSPORT_ERRCODE.timeout ||
    errcode === TRANSPORT_ERRCODE.network
  )
    return 'transient';
  return CATEGORY[errcode] ?? 'unknown';
}

export class WecomApiError extends Error {
  readonly category: ErrorCategory;
  /** Try again later (after at least retryAfterMs). */
  readonly retryable: boolean;
  /** Retrying can never succeed: park or drop the message (category says which). */
  readonly permanent: boolean;
  readonly retryAfterMs?: number;

  constructor(
    readonly errcode: number,
    message: string,
    readonly path: string,
    extra: { category?: ErrorCategory; retryAfterMs?: number; httpStatus?: number } = {},
  ) {
    super(message);
    this.name = 'WecomApiError';
    this.category = extra.category ?? categoryOf(errcode);
    this.retryable = ['transient', 'rate_limit', 'token', 'unknown'].includes(this.category);
    this.permanent = !this.retryable;
    this.httpStatus = extra.httpStatus;
    if (this.retryable) this.retryAfterMs = Math.max(extra.retryAfterMs ?? 0, RETRY_AFTER_MS[this.category] ?? 0);
  }

  readonly httpStatus?: number;
}
