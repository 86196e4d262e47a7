import { describe, expect, it } from 'vitest';
import { runSimulation } from '../../src/simulation/run';

// D69: the same --seed gives the same activity and the same report, apart from the
// wall-time line. Two small months from seed 5 on fresh SQLite files.
const withoutTiming = (md: string) =>
  md
    .split('\n')
    .filter((l) => !l.startsWith('Wall time'))
    .join('\n');

describe('simulate — determinism', () => {
  it('the same seed gives the same report apart from wall time', async () => {
    const a = await runSimulation({ month: '2026-03', scale: 'small', seed: 5 });
    const b = await runSimulation({ month: '2026-03', scale: 'small', seed: 5 });
    expect(a.ok).toBe(true);
    expect(withoutTiming(b.markdown)).toBe(withoutTiming(a.markdown));
    expect(a.markdown).toMatch(/^Wall time .* s · peak RSS \d+ MB/m);
  }, 240_000);
});
