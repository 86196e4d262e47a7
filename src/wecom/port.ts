/** What the sender needs from the WeCom client (src/wecom/client.ts satisfies it). */
export interface WecomPort {
  sendMessage(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  sendAppChat(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  robotSend(webhookUrl: string, body: Record<string, unknown>): Promise<Record<string, unknown>>;
  updateTemplateCard(body: Record<string, unknown>): Promise<Record<string, unknown>>;
  createAppChat(body: { name: string; owner?: string; userlist: string[]; chatid?: string }): Promise<unknown>;
  getAppChat(chatid: string): Promise<{ userlist: string[]; owner?: string }>;
  updateAppChat(body: { chatid: string; add_user_list?: string[]; del_user_list?: string[] }): Promise<unknown>;
  uploadMedia(type: 'file' | 'image', filename: string, buf: Buffer): Promise<string>;
  robotUploadMedia(webhookUrl: string, filename: string, buf: Buffer): Promise<string>;
}
