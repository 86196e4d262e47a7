import { normalise } from './normalise';

/** A chat line split into words, positional arguments and `键=值` arguments (docs/commands.md). */
export interface ParsedLine {
  words: string[];
  positional: string[];
  named: Record<string, string>;
}

/** Split on spaces; `"…"` keeps spaces inside one value. */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  let hadQuote = false;
  for (const ch of line) {
    if (ch === '"') {
      quoted = !quoted;
      hadQuote = true;
      continue;
    }
    if (ch === ' ' && !quoted) {
      if (current || hadQuote) tokens.push(current);
      current = '';
      hadQuote = false;
      continue;
    }
    current += ch;
  }
  if (current || hadQuote) tokens.push(current);
  return tokens;
}

const NAMED = /^([\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z0-9_]{0,15})[=:](.*)$/u;

/**
 * Parse the argument part of a line. Named args accept `键=值` and `键：值` (normalised to `:`).
 * After the first named argument, bare words continue the previous value, so a last free-text argument
 * (`事由=张三 参加 培训`) runs to the end of the line.
 */
export function parseArgs(tokens: string[]): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  let lastKey: string | undefined;
  for (const token of tokens) {
    const m = NAMED.exec(token);
    // A time like 14:30 is not a named argument.
    if (m && !/^\d/.test(token)) {
      lastKey = m[1];
      named[lastKey] = named[lastKey] !== undefined && m[2] ? `${named[lastKey]},${m[2]}` : m[2];
      continue;
    }
    if (lastKey !== undefined) named[lastKey] = named[lastKey] ? `${named[lastKey]} ${token}` : token;
    else positional.push(token);
  }
  return { positional, named };
}

export function parseLine(text: string): ParsedLine {
  const words = tokenize(normalise(text));
  return { words, ...parseArgs(words) };
}
