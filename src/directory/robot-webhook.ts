import { isLoopbackHost } from '../config';
import type { Ctx } from '../kernel/ctx';
import { UserError } from '../kernel/errors';
import { getSetting } from '../settings/settings';

/**
 * `群 绑定 … webhook=…` (D65): the bot posts every message of that group, personal data included,
 * to this URL, so it must be a WeCom group robot — https, a host listed in setting `group.robotHosts`, the
 * robot path and a key. The sandbox's fake WeCom (loopback) is accepted in sandbox mode only.
 */
export async function checkRobotWebhook(ctx: Ctx, webhook: string): Promise<void> {
  let url: URL;
  try {
    url = new URL(webhook);
  } catch {
    throw new UserError('webhook 应为完整的群机器人地址，例如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…');
  }
  const hosts = (await getSetting(ctx.m, 'group.robotHosts')).split(/[,，]/);
  const sandboxFake = ctx.deps.config.mode === 'sandbox' && isLoopbackHost(url.hostname);
  if (!sandboxFake && (url.protocol !== 'https:' || !hosts.includes(url.hostname.toLowerCase())))
    throw new UserError(
      `webhook 只能是企业微信群机器人地址（https，主机 ${hosts.join('、')}；设置 group.robotHosts）。`,
    );
  if (!url.pathname.endsWith('/cgi-bin/webhook/send') || !url.searchParams.get('key') || url.username || url.password)
    throw new UserError('webhook 应为 …/cgi-bin/webhook/send?key=… 形式的群机器人地址。');
}
