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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
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
  logLevel: string;
}

/** Fixed sandbox credentials: only ever used against the in-process fake WeCom. */
export const SANDBOX_WECOM: WecomCredentials = {
  corpId: 'wwsandbox0000000001',
  agentId: 1000002,
  secret: 'sandbox-secret',
  token: 'sandboxToken2026',
  aesKey: 'c2FuZGJveGtleXNhbmRib3hrZXlzYW5kYm94a2V5c2E', // 43 chars, decodes to 32 bytes
};

export class ConfigError extends Error {}

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
  const wecom: WecomCredentials = real
    ? {
        corpId: e.WECOM_CORP_ID!,
        agentId: e.WECOM_AGENT_ID!,
        secret: e.WECOM_SECRET!,
        token: e.WECOM_TOKEN!,
        aesKey: e.WECOM_ENCODING_AES_KEY!,
      }
    : SANDBOX_WECOM;
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
    logLevel: e.LOG_LEVEL,
  };
}

/** What may be logged about the configuration: no secret, token or key. */
export function describeConfig(c: Config): Record<string, unknown> {
  return {
    mode: c.mode,
    port: c.port,
    database: c.databaseUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@'),
    corpId: c.wecom.corpId,
    agentId: c.wecom.agentId,
    apiBase: c.apiBase ?? '(sandbox fake, mounted on the app)',
  };
}
