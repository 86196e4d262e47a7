import { Column, Entity, PrimaryColumn } from 'typeorm';
import { instant, json, pk } from './columns';

/**
 * Short-lived conversational state per user: `reject_reason` (D2: the next text within 10 minutes is the
 * reason), `more` (the rest of a long list for “更多”).
 */
@Entity('chat_state')
export class ChatState {
  @PrimaryColumn(pk(64)) userid: string;
  @PrimaryColumn(pk(24)) kind: string;
  @Column(json()) data: Record<string, unknown>;
  @Column(instant()) expiresAt: Date;
}
