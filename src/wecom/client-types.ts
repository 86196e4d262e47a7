// Request and answer shapes of the WeCom API calls client.ts makes: message/send (WeCom doc 90236),
// update_template_card (WeCom doc 94888), app group chats (WeCom doc 90245, 90248).

export type MessageBody = { msgtype: string; touser?: string; toparty?: string; totag?: string } & Record<
  string,
  unknown
>;
// Result shapes are type aliases (not interfaces) so they also fit Record<string, unknown> ports (outbox).
export type SendResult = {
  msgid: string;
  response_code?: string;
  invaliduser?: string;
  invalidparty?: string;
  invalidtag?: string;
  unlicenseduser?: string;
};
export type UpdateCardBody = {
  response_code: string;
  userids?: string[];
  partyids?: number[];
  tagids?: number[];
  atall?: 0 | 1;
} & ({ button: { replace_name: string } } | { template_card: Record<string, unknown> });
export type AppChatBody = { chatid: string; msgtype: string; safe?: 0 | 1 } & Record<string, unknown>;
export type AppChatInfo = {
  chatid: string;
  name: string;
  owner: string;
  userlist: string[];
  chat_type?: number;
};
export type MediaType = 'image' | 'voice' | 'video' | 'file';
