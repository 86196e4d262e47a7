import type { CardClick } from './card';
import { localStamp } from './time';
import type { Ctx } from './ctx';

/**
 * After a domain card button (ack:, dispute:, cancel_award: …) was handled: grey that card's buttons for its
 * recipients with the click's one-use response code (D12), with a text fallback if WeCom refuses it.
 */
export async function greyClickedCard(
  ctx: Ctx,
  click: CardClick,
  label: string,
  userids: string[] = [ctx.actor.userid],
): Promise<void> {
  if (!click.responseCode) return;
  const replaceName = `${label} ${localStamp(ctx.now).slice(11)}`;
  await ctx.send(
    { user: userids },
    {
      updateCard: { responseCode: click.responseCode, userids, replaceName },
      fallbackText: `${label}（${localStamp(ctx.now)}）`,
    },
    `grey:${click.taskId}:${click.responseCode}`,
  );
}
