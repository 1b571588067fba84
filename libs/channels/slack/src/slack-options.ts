import type { SlackRouting } from './routing/slack-routing';

/** Slack settings from the validated config; the desk is off (and says why) until the secrets are set. */
export abstract class SlackOptions {
  abstract signingSecret?: string;
  abstract botToken?: string;
  abstract apiUrl?: string;
  abstract salesChannel?: string;
  /** `queue:#channel` pairs, comma separated (SLACK_QUEUE_CHANNELS). */
  abstract queueChannels?: string;
  /** Segment / territory / owner rules (SLACK_ROUTING); checked before the queue channels. */
  abstract routing?: SlackRouting;
  /** SLA of an unclaimed card: ping its channel after this many minutes, re-route it after that many. */
  abstract slaPingMinutes?: number;
  abstract slaRerouteMinutes?: number;
  abstract snoozeMinutes?: number;
  /** Where an unclaimed card is re-routed (SLACK_ESCALATION_CHANNEL); else the routing file's, else the sales channel. */
  abstract escalationChannel?: string;
}

export const SLA_DEFAULTS = { pingMinutes: 5, rerouteMinutes: 15, snoozeMinutes: 30 };

export function slackProblem(options: SlackOptions): string | undefined {
  const missing = [
    !options.signingSecret && 'SLACK_SIGNING_SECRET',
    !options.botToken && 'SLACK_BOT_TOKEN',
    !options.salesChannel && 'SLACK_SALES_CHANNEL',
  ].filter(Boolean);
  return missing.length ? `Slack handoff is off: missing ${missing.join(', ')}` : undefined;
}

/** The Slack channel for a queue: SLACK_QUEUE_CHANNELS first, then SLACK_SALES_CHANNEL. */
export function channelForQueue(options: SlackOptions, queue: string | undefined): string {
  for (const pair of (options.queueChannels ?? '').split(',')) {
    const [name, channel] = pair.split(':').map((part) => part.trim());
    if (name && channel && name === queue) return channel;
  }
  return options.salesChannel!;
}

export function escalationChannel(options: SlackOptions): string {
  return options.escalationChannel ?? options.routing?.escalation ?? options.salesChannel!;
}

export const minutes = (n: number) => n * 60_000;
