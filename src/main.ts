import { createBot } from './app';
import { ConfigError, describeConfig, loadConfig } from './config';
import { makeLogger } from './logging';

// `npm start`: load config (sandbox when no WeCom variables are set), migrate, serve, run workers and jobs.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = makeLogger(config.logLevel);
  log.info(describeConfig(config), 'starting');
  const bot = await createBot({ config, log, autoStart: true }).catch((err: unknown) => {
    // D35 refusals (mode against the database's mark) are one line that says why, not a stack trace.
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(2);
  });
  if (config.mode === 'sandbox') {
    log.info(`sandbox ready: open ${bot.url}/sandbox (demo directory, fake WeCom at ${bot.url}/_fake-wecom)`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await bot.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
