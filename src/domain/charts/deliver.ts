import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Ctx } from '../../kernel/ctx';
import type { Recipient } from '../../outbox/message';
import { renderChart } from '../../reports/charts';

/** One chart to send: `key` names the file and the outbox rows (stable per period, so a re-run sends nothing new). */
export interface ChartJob {
  key: string;
  /** Shown to people as the file name of the picture. */
  title: string;
  spec: TopLevelSpec;
}

const recipientKey = (to: Recipient) => ('group' in to ? to.group : [to.user].flat().join('+'));

/**
 * Render the chart, keep the PNG under the attachment directory (figures per department and month, no personal
 * data, D192) and queue one image message per recipient in the caller's transaction. The file is written before
 * the rows commit; a rolled-back run leaves a file that the next run overwrites with the same content.
 */
export async function sendChart(ctx: Ctx, chart: ChartJob, recipients: Recipient[]): Promise<void> {
  const { png } = await renderChart(chart.spec, ctx.deps.config.chartFont);
  const dir = join(ctx.deps.config.attachmentDir, 'charts');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${chart.key.replace(/[^\w.-]+/g, '_')}.png`);
  await writeFile(path, png);
  for (const to of recipients)
    await ctx.send(to, { image: { path, filename: `${chart.title}.png` } }, `chart:${chart.key}:${recipientKey(to)}`);
}
