/**
 * Fault injection for the crash tests (D83): a process started with
 * `HALL_CRASH_AT=<point>` kills itself with SIGKILL — no cleanup, no graceful stop, exactly like a power cut or
 * the OOM killer — the first time it reaches that point. Unset (always, in production) it does nothing.
 */
export type CrashPoint = 'before-dispatch' | 'in-command-tx' | 'after-send' | 'mid-job' | 'mid-approval';

export function crashPoint(point: CrashPoint): void {
  if (process.env.HALL_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
