import type { Bot } from '../app';
import type { FeedItem, RunningFakeWecom } from '../fake-wecom';
import type { ClockMove, SandboxClock } from '../sandbox-clock';
import { leanFetch } from './http-fetch';
import { sealEnvelope, type CryptoCfg } from '../wecom/crypto';
import { buildInboundXml, type InboundSpec } from '../wecom/inbound';

// How the simulated people reach the bot: exactly as WeCom would (D5, D27) — each message and card click is
// sealed, signed and POSTed to /wecom/callback; replies are read back from the fake WeCom's feed. Time moves only
// through the sandbox clock (D36), which fires every job at its time.

export class SimDriver {
  /** Callbacks posted (messages and clicks). */
  events = 0;
  /** Callbacks not acknowledged with 200. */
  rejected = 0;
  readonly moves: ClockMove[] = [];
  private msgSeq = 0n;
  /** The month's callbacks over kept-alive node:http, not the global fetch (D237). */
  private readonly http = leanFetch();

  constructor(
    readonly bot: Bot,
    readonly fake: RunningFakeWecom,
    readonly clock: SandboxClock,
    private readonly crypto: CryptoCfg,
    private readonly agentId: number,
  ) {}

  /** Drop the kept-alive connection (before the bot's server closes). */
  close(): void {
    this.http.close();
  }

  now(): Date {
    return this.clock.clock.now();
  }

  /** Move the bot's clock forward to `at` (firing the jobs in between); a time already passed is a no-op. */
  async moveTo(at: Date): Promise<void> {
    if (at.getTime() <= this.now().getTime()) return;
    this.moves.push(await this.clock.moveTo(at, 'simulation'));
  }

  async settle(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      const a = await this.bot.dispatcher.drain();
      const b = await this.bot.sender.drain();
      if (a === 0 && b === 0) return;
    }
  }

  private async post(spec: InboundSpec): Promise<void> {
    const { body, query } = sealEnvelope(this.crypto, buildInboundXml(spec), { agentId: this.agentId });
    const res = await this.http.fetch(
      `${this.bot.url}/wecom/callback?${new URLSearchParams({ ...query }).toString()}`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body,
      },
    );
    this.events++;
    if (res.status !== 200) this.rejected++;
    await this.settle();
  }

  /** `userid` types `text`; returns the bot's last text reply to them (empty when none). */
  async say(userid: string, text: string): Promise<string> {
    const seq = this.seq();
    this.msgSeq++;
    await this.post({
      type: 'text',
      corpId: this.crypto.corpId,
      from: userid,
      content: text,
      msgId: String(7_000_000_000_000_000_000n + this.msgSeq),
      createTime: Math.floor(this.now().getTime() / 1000),
    });
    const mine = this.fake.state.feedLog.since(seq).filter((i) => isDmTo(i, userid) && (i.text ?? i.markdown));
    return mine.at(-1)?.text ?? mine.at(-1)?.markdown ?? '';
  }

  /** Click `eventKey` on the newest card delivered to `userid` that has it; false when there is none. */
  async click(userid: string, eventKey: string): Promise<boolean> {
    const card = this.fake.state.feedLog.findLast(
      (i) =>
        i.msgtype === 'template_card' &&
        isDmTo(i, userid) &&
        ((i.card?.button_list as { key: string }[] | undefined) ?? []).some((b) => b.key === eventKey),
    );
    if (!card?.taskId) return false;
    const responseCode = this.fake.state.mintResponseCode(card.taskId);
    await this.post({
      type: 'card',
      corpId: this.crypto.corpId,
      from: userid,
      eventKey,
      taskId: card.taskId,
      responseCode,
      cardType: 'button_interaction',
      createTime: Math.floor(this.now().getTime() / 1000),
    });
    return true;
  }

  /** `userid` sends a file (the fake WeCom serves its bytes); returns the bot's last text reply to them. */
  async sendFile(userid: string, bytes: Buffer, filename: string, contentType: string): Promise<string> {
    const seq = this.seq();
    this.msgSeq++;
    const mediaId = `SIMFILE${this.msgSeq}`;
    this.fake.state.media.set(mediaId, { buffer: bytes, filename, contentType, type: 'file' });
    await this.post({
      type: 'file',
      corpId: this.crypto.corpId,
      from: userid,
      mediaId,
      title: filename,
      msgId: String(7_000_000_000_000_000_000n + this.msgSeq),
      createTime: Math.floor(this.now().getTime() / 1000),
    });
    const mine = this.fake.state.feedLog.since(seq).filter((i) => isDmTo(i, userid) && (i.text ?? i.markdown));
    return mine.at(-1)?.text ?? mine.at(-1)?.markdown ?? '';
  }

  /** `userid` sends a photo (a 1×1 PNG the fake WeCom serves); returns the bot's last text reply to them. */
  async sendImage(userid: string): Promise<string> {
    const seq = this.seq();
    this.msgSeq++;
    await this.post({
      type: 'image',
      corpId: this.crypto.corpId,
      from: userid,
      mediaId: `SIMIMG${this.msgSeq}`,
      msgId: String(7_000_000_000_000_000_000n + this.msgSeq),
      createTime: Math.floor(this.now().getTime() / 1000),
    });
    const mine = this.fake.state.feedLog.since(seq).filter((i) => isDmTo(i, userid) && (i.text ?? i.markdown));
    return mine.at(-1)?.text ?? mine.at(-1)?.markdown ?? '';
  }

  private seq(): number {
    return this.fake.state.feedLog.lastSeq;
  }
}

function isDmTo(i: FeedItem, userid: string): boolean {
  return i.channel === 'dm' && (i.to as string[]).includes(userid.toLowerCase());
}
