import { envSchema, type ParleyConfig } from './env-schema';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The one place that reads the environment; every problem is reported at once, at boot. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ParleyConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const { SLACK_SLA_PING_MINUTES: ping, SLACK_SLA_REROUTE_MINUTES: reroute } = parsed.data;
  if (reroute <= ping) throw new ConfigError([`SLACK_SLA_REROUTE_MINUTES: must be later than SLACK_SLA_PING_MINUTES (${ping}), is ${reroute}`]);
  return parsed.data;
}
