import type { CommandDef } from './command';
import { UserError } from './errors';

/** The words of every name and alias of a command. */
function namesOf(cmd: CommandDef): string[][] {
  return [cmd.name, ...(cmd.aliases ?? [])].map((n) => n.split(' '));
}

/**
 * Select the row by the longest name matching the first words (docs/commands.md). A name typed
 * without its space (`投诉登记`) matches too. Returns the command and how many words it consumed.
 */
export function matchCommand(
  words: string[],
  commands: readonly CommandDef[],
): { cmd: CommandDef; consumed: number; rest: string[] } | undefined {
  let best: { cmd: CommandDef; consumed: number; rest: string[]; length: number } | undefined;
  for (const cmd of commands) {
    for (const name of namesOf(cmd)) {
      if (name.length <= words.length && name.every((w, i) => words[i] === w)) {
        if (!best || name.length > best.length)
          best = { cmd, consumed: name.length, rest: words.slice(name.length), length: name.length };
      }
      const glued = name.join('');
      if (name.length > 1 && words[0] === glued && (!best || name.length > best.length)) {
        best = { cmd, consumed: 1, rest: words.slice(1), length: name.length };
      }
      // `投诉登记对象=…` is not split further: named args need their space.
    }
  }
  return best && { cmd: best.cmd, consumed: best.consumed, rest: best.rest };
}

/**
 * The commands `帮助 <词>` lists as a family: those of the help group named `word` (`帮助 投诉`, `帮助 高峰停办`)
 * together with every command whose name starts with that word (`帮助 窗口` → 窗口 关闭, 窗口 重启 …).
 * Empty when the word names no group and starts fewer than two commands, or is itself a command (`帮助 导出`
 * shows 导出's usage even though `导出 表单` starts with it): then it is one command's help.
 */
export function commandFamily(word: string, commands: readonly CommandDef[]): CommandDef[] {
  const first = commands.filter((c) => c.name.split(' ')[0] === word);
  const group = commands.filter((c) => c.group === word);
  if (group.length === 0 && (first.length < 2 || commands.some((c) => c.name === word))) return [];
  return [...new Set([...group, ...first])];
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (x[i - 1] === y[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[y.length];
}

/** Up to `n` command names nearest to what was typed (docs/commands.md). */
export function nearestNames(typed: string, commands: readonly CommandDef[], n = 3): string[] {
  const t = typed.replace(/\s/g, '');
  const scored = commands.map((c) => {
    const names = [c.name, ...(c.aliases ?? [])];
    const d = Math.min(
      ...names.map((name) => {
        const k = name.replace(/\s/g, '');
        // Compare against the same number of characters typed, so arguments don't swamp the distance.
        return editDistance(t.slice(0, Math.max(k.length, 2)), k) - (t.startsWith(name.split(' ')[0]) ? 1 : 0);
      }),
    );
    return { name: c.name, d };
  });
  const maxDistance = Math.max(2, Math.ceil(t.slice(0, 6).length / 2));
  return scored
    .filter((s) => s.d <= maxDistance)
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, n)
    .map((s) => s.name);
}

/**
 * The "你是不是要" list for a mistyped record number: up to `n` of `candidates` nearest to `typed` (case-insensitive
 * edit distance; nearest first, ties in text order), none further than a quarter of what was typed (at least 2), so a
 * typo or a swapped pair of digits finds the number and a different number does not.
 */
export function nearestNumbers(typed: string, candidates: Iterable<string | null | undefined>, n = 3): string[] {
  const t = typed.trim().toUpperCase();
  const limit = Math.max(2, Math.ceil([...t].length / 4));
  const seen = new Set<string>();
  const scored: { no: string; d: number }[] = [];
  for (const no of candidates) {
    if (!no || seen.has(no)) continue;
    seen.add(no);
    const d = editDistance(no.toUpperCase(), t);
    if (d <= limit) scored.push({ no, d });
  }
  return scored
    .sort((a, b) => a.d - b.d || a.no.localeCompare(b.no))
    .slice(0, n)
    .map((x) => x.no);
}

/**
 * The one refusal for a number that does not exist (or that the sender may not see): `没有 X。你是不是要：A / B？`
 * with the nearest numbers, else `没有 X。<otherwise>` saying what a number looks like or where to list them.
 */
export function notFoundError(shown: string, near: readonly string[], otherwise: string): UserError {
  return new UserError(`没有 ${shown}。${near.length ? `你是不是要：${near.join(' / ')}？` : otherwise}`);
}
