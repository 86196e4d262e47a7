/** Who a message goes to: one or more people by direct app message, or a group key (conventions (docs/architecture.md)). */
export type Recipient = { user: string | string[] } | { group: string };

/** A template card body as WeCom expects it (WeCom doc 90236), minus `touser`/`agentid`. */
export type TemplateCard = Record<string, unknown> & { card_type: string; task_id?: string };

/** What the outbox can carry. */
export type OutMessage =
  | { text: string }
  | { markdown: string }
  | { card: TemplateCard }
  /** message/update_template_card with a response code (D12); `replaceName` greys the buttons. */
  | {
      updateCard: { responseCode: string; userids: string[]; replaceName?: string; card?: TemplateCard };
      /** Sent instead if WeCom refuses the update (used or expired code, D12). */
      fallbackText?: string;
    }
  /**
   * A file already on disk (xlsx, docx) sent via media/upload. `transient`: a copy made only to be sent (a ledger
   * export), deleted from disk once delivered — the chat has it, and the disk should not keep personal data.
   */
  | { file: { path: string; filename: string; transient?: boolean } }
  /**
   * A PNG or JPG on disk (a chart, D190). App DMs and app chats upload it once with media/upload type=image (the
   * media_id is kept on the row); robots carry it inline as base64 + md5, at most 2 MB (WeCom doc 91770).
   */
  | { image: { path: string; filename: string } };

export function msgTypeOf(msg: OutMessage): string {
  if ('text' in msg) return 'text';
  if ('markdown' in msg) return 'markdown';
  if ('card' in msg) return 'template_card';
  if ('updateCard' in msg) return 'update_card';
  if ('image' in msg) return 'image';
  return 'file';
}
