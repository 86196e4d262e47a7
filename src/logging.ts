import pino, { type DestinationStream, type Logger } from 'pino';

// D61: pino's default `err` serializer copies every own
// property of an error — TypeORM's QueryFailedError carries `parameters` and `driverError.sql`, i.e. the very
// rows (decrypted messages, complainants' names and phones) that failed to insert. Errors are reduced to what
// an operator needs, and the fields that carry message content are redacted wherever they appear.

/** SQL literals and webhook keys in driver messages: `Duplicate entry '13912345678' for key …`, `?key=…`. */
export function scrubText(text: string): string {
  return text
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/"(?:[^"\\]|\\.){12,}"/g, '"…"')
    .replace(/([?&]key=)[^&\s"']+/gi, '$1***');
}

/** type, message, code and stack — nothing else of the error (no parameters, query, driverError). */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err, message: scrubText(String(err)).slice(0, 500) };
  const code = (err as { code?: unknown; errno?: unknown }).code ?? (err as { errno?: unknown }).errno;
  return {
    type: err.constructor?.name ?? err.name,
    message: scrubText(err.message),
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    stack: err.stack ? scrubText(err.stack) : undefined,
  };
}

/** The one-line text kept with a failed inbox row (inbox.error): the scrubbed message, no stack, no values. */
export function errorSummary(err: unknown): string {
  return (
    err instanceof Error ? `${err.constructor?.name ?? err.name}: ${scrubText(err.message)}` : scrubText(String(err))
  )
    .split('\n')[0]
    .slice(0, 500);
}

/** Fields that carry message content or credentials, wherever a log call puts them (one level deep). */
export const REDACT_PATHS = [
  'payload',
  '*.payload',
  'parameters',
  '*.parameters',
  'body',
  '*.body',
  'content',
  '*.content',
  'text',
  '*.text',
  'values',
  '*.values',
  'phone',
  '*.phone',
  'webhook',
  '*.webhook',
  'target',
  'secret',
  '*.secret',
  'req.headers.authorization',
  'req.headers.cookie',
];

/** Every logger of the bot (server, CLI, tests that read the log). */
export function makeLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    serializers: { err: serializeError },
    redact: {
      paths: REDACT_PATHS,
      // A robot target is its webhook URL: keep the host for the operator, hide the key.
      censor: (value: unknown, path: string[]) =>
        path.at(-1) === 'target' && typeof value === 'string' ? scrubText(value) : '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
