import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));
const optionalUrl = optionalString.refine((v) => v === undefined || /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(v), {
  message: 'must be a URL such as https://example.com',
});
const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Behind a reverse proxy (nginx, a load balancer): take the client IP from X-Forwarded-For. Off, it could be forged. */
  TRUST_PROXY: flag,
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/parley.sqlite')
    .refine((v) => v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'must be sqlite:<file>, sqlite::memory: or postgres://…',
    }),
  FLOWS_DIR: z.string().default('./flows'),
  ENTRY_FLOW: z.string().default('lead-qualification'),
  DATA_DIR: z.string().default('./data'),
  REDIS_URL: optionalUrl,
  PUBLIC_BASE_URL: optionalUrl,
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  TWILIO_API_URL: optionalUrl,
  /** Where a phone call is transferred (<Dial>) when its flow hands the caller to sales; unset, the call ends politely. */
  VOICE_SALES_NUMBER: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_API_URL: optionalUrl,
  SLACK_SALES_CHANNEL: optionalString,
  /** Handoff queue to Slack channel, e.g. `sales:#sales,enterprise:#sales-enterprise`; other queues go to SLACK_SALES_CHANNEL. */
  SLACK_QUEUE_CHANNELS: optionalString,
  /** YAML file of segment / territory / owner routing rules for handoff cards (see flows/slack-routing.yaml); read and checked at boot. */
  SLACK_ROUTING: optionalString,
  /** SLA of an unclaimed handoff card: ping its channel after this many minutes, re-route it after that many (must be later). */
  SLACK_SLA_PING_MINUTES: z.coerce.number().positive().max(10_080).default(5),
  SLACK_SLA_REROUTE_MINUTES: z.coerce.number().positive().max(10_080).default(15),
  /** Where an unclaimed card is re-routed; unset, the routing file's `escalation`, else SLACK_SALES_CHANNEL. */
  SLACK_ESCALATION_CHANNEL: optionalString,
  /** How long Snooze on a card holds its SLA ping back. */
  SLACK_SNOOZE_MINUTES: z.coerce.number().positive().max(10_080).default(30),
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  /** A single-tenant bot registration's Microsoft Entra tenant; unset, the bot is multi-tenant. */
  MICROSOFT_APP_TENANT_ID: optionalString,
  /** Local Bot Framework Emulator only: with no app id, accept unsigned activities (a warning is logged at boot). */
  BOTFRAMEWORK_ALLOW_UNAUTHENTICATED: flag,
  /** Where the Bot Framework publishes the keys that sign activities (OpenID metadata); unset, Microsoft's. For sovereign clouds and test doubles. */
  BOTFRAMEWORK_OPENID_METADATA_URL: optionalUrl,
  SMTP_URL: optionalUrl,
  /** Marketing email: the sender, the postal address in every footer, and the key of the one-click unsubscribe links. */
  EMAIL_FROM: optionalString,
  EMAIL_POSTAL_ADDRESS: optionalString,
  UNSUBSCRIBE_SECRET: optionalString,
  CRM_WEBHOOK_URL: optionalUrl,
  CRM_WEBHOOK_SECRET: optionalString,
  HUBSPOT_TOKEN: optionalString,
  HUBSPOT_API_URL: optionalUrl,
  ALEXA_SKILL_ID: optionalString,
  WEBCHAT_CORS_ORIGINS: z.string().default('*'),
  /** Named in STOP / START / HELP answers, as carriers require. */
  MESSAGING_PROGRAM_NAME: z.string().default('Parley'),
  MESSAGING_HELP_CONTACT: z.string().default('our website'),
  /** Flood limit per visitor: at most this many messages per window. */
  WEBCHAT_FLOOD_MESSAGES: z.coerce.number().int().min(1).default(20),
  WEBCHAT_FLOOD_WINDOW_MS: z.coerce.number().int().min(100).default(10_000),
  /** Browser origins allowed to call the admin API (comma-separated); none by default. */
  ADMIN_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)),
  /** Rate limits per window: per API key and per IP on /api/v1, per IP on /webhooks. */
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(100).default(60_000),
  RATE_LIMIT_API_PER_KEY: z.coerce.number().int().min(1).default(600),
  RATE_LIMIT_API_PER_IP: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_WEBHOOK_PER_IP: z.coerce.number().int().min(1).default(6000),
  /** Job queue (db driver): how often to look for due jobs, how long a claim is leased, how many at once. */
  JOBS_POLL_MS: z.coerce.number().int().min(10).default(200),
  JOBS_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
  JOBS_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  /** Retries: exponential backoff with jitter from the base up to the cap; after the last attempt a job is dead. */
  JOBS_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  JOBS_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(1_000),
  JOBS_BACKOFF_MAX_MS: z.coerce.number().int().min(1).default(600_000),
  CRM_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Redis key prefix of the bullmq job-queue driver (used when REDIS_URL is set): one per deployment sharing a Redis. */
  JOBS_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/).default('parley'),
  /** SIGTERM: how long in-flight messages and jobs get to finish before the process exits anyway (they are retried elsewhere). */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Redis channel prefix of the socket.io adapter (with REDIS_URL): instances of one deployment share it; another deployment on the same Redis needs its own. */
  WEBCHAT_REDIS_KEY: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).default('socket.io'),
  /** SMS campaigns: messages per second per sender by default (1 for a long code), and the most a campaign may ask for (short codes, messaging services). */
  CAMPAIGN_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(1),
  CAMPAIGN_MAX_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(100),
  /** The account's time zone (IANA) for quiet hours of contacts with no zone of their own and a phone number that names none. */
  DEFAULT_TIME_ZONE: z
    .string()
    .default('UTC')
    .refine((v) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: v });
        return true;
      } catch {
        return false;
      }
    }, { message: 'must be an IANA time zone such as America/New_York' }),
  /** Conversations idle longer than this many days have their messages anonymised daily; unset, they are kept forever. */
  RETENTION_DAYS: optionalString
    .refine((v) => v === undefined || /^[1-9]\d*$/.test(v), { message: 'must be a whole number of days, 1 or more' })
    .transform((v) => (v === undefined ? undefined : Number(v))),
}).refine((c) => c.CAMPAIGN_RATE_PER_SECOND <= c.CAMPAIGN_MAX_RATE_PER_SECOND, {
  message: 'CAMPAIGN_RATE_PER_SECOND must not exceed CAMPAIGN_MAX_RATE_PER_SECOND',
  path: ['CAMPAIGN_RATE_PER_SECOND'],
});

export type ParleyConfig = z.infer<typeof envSchema>;

/** Names of settings whose values must never be logged. */
export const SECRET_KEYS: ReadonlyArray<keyof ParleyConfig> = [
  'TWILIO_AUTH_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'MICROSOFT_APP_PASSWORD',
  'CRM_WEBHOOK_SECRET',
  'HUBSPOT_TOKEN',
  'SMTP_URL',
  'UNSUBSCRIBE_SECRET',
  'DATABASE_URL',
  'REDIS_URL',
];
