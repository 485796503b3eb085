import { resolve } from 'node:path';
import { z } from 'zod';
import { OFFICER_GRACE_SECONDS } from '../shared/messages';
import { iceServerSchema, type IceServer } from '../shared/open311';

/** POSTs per minute for a partner key that names no limit of its own (`name:key`). */
export const DEFAULT_PARTNER_POSTS_PER_MINUTE = 600;

/** Everything the server reads from its environment; each variable is documented in the README. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Where the embedded database and generated keys live. */
  dataDir: string;
  /** PostgreSQL instead of the embedded PGlite when set. */
  databaseUrl?: string;
  /** A PostgreSQL schema to use (tests give each run its own); default public. */
  databaseSchema?: string;
  /** Extra Open311 API keys for partner systems, by name. */
  apiKeys: Record<string, string>;
  /** POSTs per minute each partner key may make (by name), counted per key wherever it calls from. */
  apiKeyRateLimits: Record<string, number>;
  /** The key the bundled web client uses; generated into dataDir when not given. */
  clientApiKey?: string;
  /** 32-byte key (base64) for personal data; generated into dataDir when not given. */
  piiKey?: string;
  /** POSTs per minute from one address with the web client's key (or none) before 429. */
  postRateLimit: number;
  /** The scene files (agencies, hall layout). */
  scenesDir: string;
  /** Staff login attempts per address per minute. */
  loginRateLimit: number;
  /** GET /api/route questions per address per minute. */
  routeRateLimit: number;
  /** Demo mode: demo staff accounts exist (and are printed at start); off, they are disabled. */
  demo: boolean;
  /** Several processes share presence and matchmaking through Redis when set. */
  redisUrl?: string;
  /** host:port other processes' clients use to reach this one (multi-process only). */
  publicAddress?: string;
  /** How long an officer who dropped keeps the counter. */
  officerGraceSeconds: number;
  /** Visitors per hall instance before another opens (default HALL_CAPACITY). */
  hallCapacity?: number;
  /** Every page is a kiosk (exhibition touch screens). */
  kiosk: boolean;
  /** Seconds without a touch before a kiosk resets itself for the next visitor. */
  kioskIdleSeconds: number;
  /** The address phones use to reach this server (QR codes); default: this machine's first LAN address. */
  publicUrl?: string;
  /** The built web client; not served when absent. */
  clientDir: string;
  logLevel: string;
  // --- issue 12: the case loop ---
  /** smtp://user:pass@host:587 (or smtps://); mails stay queued while it is not set. */
  smtpUrl?: string;
  /** The From address of mails to citizens. */
  mailFrom: string;
  /** How often the mail worker looks for due mails, in milliseconds. */
  mailPollMs: number;
  /** How long a worker owns a claimed mail before another process may take it over (after a crash). */
  mailLeaseSeconds: number;
  /** Overrides every service's "is it fixed?" delay (tests, demos); unset: the days in scenes/followup.json. */
  fixedQuestionDelaySeconds?: number;
  /** How often the overdue scan runs, in seconds. */
  escalationIntervalSeconds: number;
  /** Private-link requests per address per minute. */
  followupRateLimit: number;
  /**
   * Issue 13: the city's own map tile server, `https://tiles.example/{z}/{x}/{y}.png`. Unset: no map
   * anywhere (the kelurahan picker and GPS do the job) and the CSP allows no tile origin.
   */
  mapTilesUrl?: string;
  /** Issue 13: nearby-report questions per address per minute. */
  nearbyRateLimit: number;
  /** Issue 13: "Saya juga mengalami ini" per address per hour. */
  followRateLimit: number;
  /**
   * Which proxies in front may tell the client's address and protocol (X-Forwarded-For/-Proto):
   * false (none, the default), true (any: only when the proxy is the sole way in), a hop count,
   * or addresses/CIDR ranges.
   */
  trustProxy: boolean | number | string[];
  /** Origins besides the server's own and PUBLIC_URL allowed to call staff routes and open rooms. */
  allowedOrigins: string[];
  /** Seat reservations (hall joins) one address may make per minute. */
  hallJoinsPerMinute: number;
  /** Open hall connections one address may hold at once. */
  hallSeatsPerAddress: number;
  /** Queue numbers one address may hold at once across the hall. */
  hallQueuePerAddress: number;
  /** How often open hall connections of staff are checked against their session. */
  staffRecheckSeconds: number;
  /** Kiosk pages offer staff sign-in only when this is set (KIOSK_STAFF_LOGIN=1). */
  kioskStaffLogin: boolean;
  /** Demo mode's password for every demo account; random at each start when not given. */
  demoPassword?: string;
  /** Voice (issue 14): STUN/TURN servers handed to browsers; [] = host candidates only (a LAN). */
  iceServers: IceServer[];
  /** Serve HTTPS with this certificate and key (PEM file paths); both or neither. */
  tlsCert?: string;
  tlsKey?: string;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
  OPEN311_API_KEYS: z
    .string()
    .regex(
      /^([a-z0-9_-]+:[A-Za-z0-9_-]{16,}(:[1-9]\d{0,5})?(,|$))*$/,
      'comma-separated name:key or name:key:postsPerMinute, keys of at least 16 characters',
    )
    .default(''),
  CLIENT_API_KEY: z.string().min(16).optional(),
  PII_KEY: z.string().optional(),
  RATE_LIMIT_POST: z.coerce.number().int().min(1).default(30),
  SCENES_DIR: z.string().default('./scenes'),
  RATE_LIMIT_LOGIN: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_ROUTE: z.coerce.number().int().min(1).default(120),
  DEMO: z.enum(['0', '1', 'true', 'false']).default('0'),
  REDIS_URL: z.string().url().optional(),
  PUBLIC_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'host:port').optional(),
  OFFICER_GRACE_SECONDS: z.coerce.number().min(0).max(3600).optional(),
  HALL_CAPACITY: z.coerce.number().int().min(1).max(2000).optional(),
  KIOSK: z.enum(['0', '1', 'true', 'false']).default('0'),
  KIOSK_IDLE_SECONDS: z.coerce.number().int().min(10).max(3600).default(90),
  PUBLIC_URL: z
    .string()
    .url()
    .refine((v) => /^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/i.test(v), 'an http(s) address without query or fragment, e.g. https://makaverse.makassarkota.go.id')
    .optional(),
  CLIENT_DIR: z.string().default('./dist/client'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'smtp://host:port or smtps://host:port').optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Makaverse <no-reply@makaverse.local>'),
  MAIL_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5000),
  MAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  FIXED_QUESTION_DELAY_SECONDS: z.coerce.number().int().min(0).max(90 * 86400).optional(),
  ESCALATION_INTERVAL_SECONDS: z.coerce.number().min(0.2).max(86400).default(300),
  RATE_LIMIT_FOLLOWUP: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_NEARBY: z.coerce.number().int().min(1).default(60),
  MAP_TILES_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#\s'"]+\/[^\s'"]*\{z\}[^\s'"]*\{x\}[^\s'"]*\{y\}[^\s'"]*$/, 'an http(s) tile URL template with {z}, {x} and {y}, e.g. https://tiles.makassarkota.go.id/{z}/{x}/{y}.png')
    .optional(),
  RATE_LIMIT_FOLLOW: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|1|0|\d{1,2}|[0-9a-fA-F:.]+(\/\d{1,3})?(,[0-9a-fA-F:.]+(\/\d{1,3})?)*|loopback|uniquelocal|linklocal)$/, 'true, false, a hop count, or comma-separated proxy addresses/CIDR ranges')
    .default('false'),
  ALLOWED_ORIGINS: z
    .string()
    .regex(/^(https?:\/\/[^\s,/]+(,|$))*$/, 'comma-separated origins such as https://kios.makassarkota.go.id')
    .default(''),
  HALL_JOINS_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(60),
  HALL_SEATS_PER_ADDRESS: z.coerce.number().int().min(1).max(100000).default(50),
  HALL_QUEUE_PER_ADDRESS: z.coerce.number().int().min(1).max(100000).default(5),
  STAFF_RECHECK_SECONDS: z.coerce.number().min(0.2).max(3600).default(30),
  KIOSK_STAFF_LOGIN: z.enum(['0', '1', 'true', 'false']).default('0'),
  DEMO_PASSWORD: z.string().min(12, 'at least 12 characters').max(200).optional(),
  ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((text, c) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        c.addIssue({ code: 'custom', message: 'JSON, e.g. [{"urls":"turn:turn.makassarkota.go.id:3478","username":"u","credential":"p"}]' });
        return z.NEVER;
      }
    })
    .pipe(z.array(iceServerSchema).max(8)),
  TLS_CERT: z.string().optional(),
  TLS_KEY: z.string().optional(),
});

function trustProxyOf(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',');
}

/** Reads the configuration, failing with the name of the variable that is wrong. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`configuration: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  if (Boolean(e.TLS_CERT) !== Boolean(e.TLS_KEY)) throw new Error('configuration: TLS_CERT and TLS_KEY: give both (PEM file paths) or neither');
  const partners = e.OPEN311_API_KEYS.split(',').filter(Boolean).map((entry) => entry.split(':') as [string, string, string?]);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    apiKeys: Object.fromEntries(partners.map(([name, key]) => [name, key])),
    apiKeyRateLimits: Object.fromEntries(partners.map(([name, , perMinute]) => [name, perMinute ? Number(perMinute) : DEFAULT_PARTNER_POSTS_PER_MINUTE])),
    clientApiKey: e.CLIENT_API_KEY,
    piiKey: e.PII_KEY,
    postRateLimit: e.RATE_LIMIT_POST,
    scenesDir: resolve(e.SCENES_DIR),
    loginRateLimit: e.RATE_LIMIT_LOGIN,
    routeRateLimit: e.RATE_LIMIT_ROUTE,
    demo: e.DEMO === '1' || e.DEMO === 'true',
    redisUrl: e.REDIS_URL,
    publicAddress: e.PUBLIC_ADDRESS,
    officerGraceSeconds: e.OFFICER_GRACE_SECONDS ?? OFFICER_GRACE_SECONDS,
    hallCapacity: e.HALL_CAPACITY,
    kiosk: e.KIOSK === '1' || e.KIOSK === 'true',
    kioskIdleSeconds: e.KIOSK_IDLE_SECONDS,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    clientDir: resolve(e.CLIENT_DIR),
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mailPollMs: e.MAIL_POLL_MS,
    mailLeaseSeconds: e.MAIL_LEASE_SECONDS,
    fixedQuestionDelaySeconds: e.FIXED_QUESTION_DELAY_SECONDS,
    escalationIntervalSeconds: e.ESCALATION_INTERVAL_SECONDS,
    followupRateLimit: e.RATE_LIMIT_FOLLOWUP,
    nearbyRateLimit: e.RATE_LIMIT_NEARBY,
    mapTilesUrl: e.MAP_TILES_URL,
    followRateLimit: e.RATE_LIMIT_FOLLOW,
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').filter(Boolean).map((o) => o.replace(/\/$/, '')),
    hallJoinsPerMinute: e.HALL_JOINS_PER_MINUTE,
    hallSeatsPerAddress: e.HALL_SEATS_PER_ADDRESS,
    hallQueuePerAddress: e.HALL_QUEUE_PER_ADDRESS,
    staffRecheckSeconds: e.STAFF_RECHECK_SECONDS,
    demoPassword: e.DEMO_PASSWORD,
    kioskStaffLogin: e.KIOSK_STAFF_LOGIN === '1' || e.KIOSK_STAFF_LOGIN === 'true',
    iceServers: e.ICE_SERVERS,
    tlsCert: e.TLS_CERT ? resolve(e.TLS_CERT) : undefined,
    tlsKey: e.TLS_KEY ? resolve(e.TLS_KEY) : undefined,
  };
}
