/**
 * A polling worker loop with an explicit wake-up: runs `work` every `intervalMs`, or at once when woken
 * (a callback was stored, an event produced outbox rows). Never runs two passes at the same time; `stop`
 * waits for the current pass (graceful shutdown).
 */
export class Loop {
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopped = true;
  private again = false;
  private halting = false;

  constructor(
    private readonly work: () => Promise<unknown>,
    private readonly intervalMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** True once `stop` was called: a long pass (a drain of thousands of rows) checks it between items. */
  get stopping(): boolean {
    return this.halting;
  }

  start(): void {
    this.stopped = false;
    this.halting = false;
    this.schedule(0);
  }

  /** Run a pass as soon as possible (after the current one, if any). */
  wake(): void {
    if (this.stopped) return;
    if (this.current) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pass(), ms);
  }

  private async pass(): Promise<void> {
    if (this.stopped || this.current) return;
    this.again = false;
    this.current = this.work().then(
      () => undefined,
      (err) => this.onError(err),
    );
    await this.current;
    this.current = undefined;
    if (!this.stopped) this.schedule(this.again ? 0 : this.intervalMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }
}
