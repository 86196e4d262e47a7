import { z } from 'zod';

// Architecture "Contracts": every variable the bot reads. Real mode needs all five WeCom variables;
// with none set the bot runs in sandbox mode against its own fake WeCom (D25).
const WECOM_KEYS = [
  'WECOM_CORP_ID',
  'WECOM_AGENT_ID',
  'WECOM_SECRET',
  'WECOM_TOKEN',
  'WECOM_ENCODING_AES_KEY',
] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|mysql:\/\/|mariadb:\/\/)/, 'DATABASE_URL 必须以 sqlite: 或 mysql:// 开头')
    .default('sqlite:./data/hall.sqlite'),
  WECOM_CORP_ID: z.string().min(1).optional(),
  WECOM_AGENT_ID: z.coerce.number().int().positive().optional(),
  WECOM_SECRET: z.string().min(1).optional(),
  WECOM_TOKEN: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[A-Za-z0-9]+$/, 'Token 只能是英文或数字')
    .optional(),
  WECOM_ENCODING_AES_KEY: z
    .string()
    .regex(/^[A-Za-z0-9]{43}$/, 'WECOM_ENCODING_AES_KEY must be exactly 43 characters [A-Za-z0-9]')
    .optional(),
  WECOM_API_BASE: z.string().url().optional(),
  PUBLIC_BASE_URL: z.string().url().optional(),
  BOOTSTRAP_ADMINS: z.string().optional(),
  ATTACHMENT_DIR: z.string().default('./data/attachments'),
  // D191: the CJK font file charts are drawn with (Debian fonts-noto-cjk).
  CHART_FONT: z.string().default('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // D35: an explicit sandbox on a database the sandbox did not create itself (never on one marked real).
  SANDBOX: z.enum(['0', '1']).optional(),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET 至少32个字符').optional(),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN 至少16个字符').optional(),
});

export interface WecomCredentials {
  corpId: string;
  agentId: number;
  secret: string;
  token: string;
  aesKey: string;
}

export interface Config {
  port: number;
  /** Listen address; loopback by default (put a reverse proxy in front, or set HOST=0.0.0.0). */
  host: string;
  databaseUrl: string;
  mode: 'real' | 'sandbox';
  wecom: WecomCredentials;
  /** Undefined in sandbox mode until the HTTP server knows its port (the fake is mounted on the app). */
  apiBase: string | undefined;
  publicBaseUrl: string | undefined;
  bootstrapAdmins: string[];
  attachmentDir: string;
  /** The TTF/OTF/TTC file charts are drawn with (D191); a chart fails with a clear error when it is missing. */
  chartFont: string;
  logLevel: string;
  /** SANDBOX=1: sandbox mode on a database the sandbox did not create itself (D35). */
  sandboxExplicit: boolean;
  /**
   * Key of H5 sessions, OAuth states and sandbox form links: SESSION_SECRET, or (when unset) a random secret
   * generated on first start and stored in the database (src/instance.ts). Empty until the database is opened.
   */
  sessionSecret: string;
  /** Trust X-Forwarded-For/-Proto from a reverse proxy (TRUST_PROXY=1); off by default. */
  trustProxy: boolean;
  /** When set, GET /metrics also answers non-loopback callers that send `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
}

/**
 * Sandbox identity: the corp/agent ids are not secrets; token, AES key and app secret are random per sandbox
 * database (D35) and filled in by src/instance.ts when the database is opened.
 */
export const SANDBOX_IDS = { corpId: 'wwsandbox0000000001', agentId: 1000002 } as const;

export class ConfigError extends Error {}

/** 127.0.0.0/8, ::1 and localhost: the only listen addresses a sandbox accepts (D35). */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Parse the environment; throws ConfigError naming every bad or missing variable. Never echoes secret values. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 / invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const present = WECOM_KEYS.filter((k) => e[k] !== undefined && e[k] !== '');
  if (present.length > 0 && present.length < WECOM_KEYS.length) {
    const missing = WECOM_KEYS.filter((k) => !present.includes(k));
    throw new ConfigError(
      `WeCom configuration is incomplete: missing ${missing.join(', ')} (set all five for real mode, or none for sandbox mode)`,
    );
  }
  const real = present.length === WECOM_KEYS.length;
  checkModeRules(e, real);
  const wecom: WecomCredentials = real
    ? {
        corpId: e.WECOM_CORP_ID!,
        agentId: e.WECOM_AGENT_ID!,
        secret: e.WECOM_SECRET!,
        token: e.WECOM_TOKEN!,
        aesKey: e.WECOM_ENCODING_AES_KEY!,
      }
    : { ...SANDBOX_IDS, secret: '', token: '', aesKey: '' };
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    mode: real ? 'real' : 'sandbox',
    wecom,
    apiBase: e.WECOM_API_BASE ?? (real ? 'https://qyapi.weixin.qq.com' : undefined),
    publicBaseUrl: e.PUBLIC_BASE_URL,
    bootstrapAdmins: (e.BOOTSTRAP_ADMINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    attachmentDir: e.ATTACHMENT_DIR,
    chartFont: e.CHART_FONT,
    logLevel: e.LOG_LEVEL,
    sandboxExplicit: e.SANDBOX === '1',
    sessionSecret: e.SESSION_SECRET ?? '',
    trustProxy: e.TRUST_PROXY === '1',
    metricsToken: e.METRICS_TOKEN,
  };
}

/**
 * D35 rules that need no database: sandbox mode listens on loopback only and never runs on MySQL/MariaDB
 * unless SANDBOX=1 says so; SANDBOX=1 with WeCom variables is a contradiction; real mode reaches WeCom over
 * https only (plain http is accepted for a loopback API base: the tests' fake WeCom, a local forward proxy).
 */
function checkModeRules(e: z.infer<typeof envSchema>, real: boolean): void {
  if (real && e.SANDBOX === '1')
    throw new ConfigError(
      'SANDBOX=1 together with WeCom variables: unset one of them (sandbox and real mode exclude each other)',
    );
  if (real && e.WECOM_API_BASE) {
    const u = new URL(e.WECOM_API_BASE);
    if (u.protocol !== 'https:' && !isLoopbackHost(u.hostname))
      throw new ConfigError(`WECOM_API_BASE must use https in real mode (got ${u.protocol}//${u.host})`);
  }
  if (real) return;
  if (!isLoopbackHost(e.HOST))
    throw new ConfigError(
      `sandbox mode refuses HOST=${e.HOST}: the sandbox has no authentication and listens on loopback only (set the WeCom variables for real mode)`,
    );
  if (!e.DATABASE_URL.startsWith('sqlite:') && e.SANDBOX !== '1')
    throw new ConfigError(
      'sandbox mode refuses a MySQL/MariaDB DATABASE_URL: such a database is treated as real (set the WeCom variables, or SANDBOX=1 for a database made for the sandbox)',
    );
}

/** Every credential a DSN can carry, masked: `user:pass@`, `?password=`, `&pwd=` (URL-encoded or not). */
export function maskDsn(url: string): string {
  return url
    .replace(/\/\/([^:@/?#]*):[^/?#]*@/g, '//$1:***@')
    .replace(/([?&;](?:password|passwd|pwd|pass|secret|token)=)[^&;#]*/gi, '$1***');
}

/** What may be logged about the configuration: no secret, token or key. */
export function describeConfig(c: Config): Record<string, unknown> {
  return {
    mode: c.mode,
    port: c.port,
    database: maskDsn(c.databaseUrl),
    corpId: c.wecom.corpId,
    agentId: c.wecom.agentId,
    apiBase: c.apiBase ? maskDsn(c.apiBase) : '(sandbox fake, mounted on the app)',
    trustProxy: c.trustProxy,
    metricsToken: c.metricsToken ? 'set' : 'unset',
  };
}
