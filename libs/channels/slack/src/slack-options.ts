/** Slack settings from the validated config; the desk is off (and says why) until the secrets are set. */
export abstract class SlackOptions {
  abstract signingSecret?: string;
  abstract botToken?: string;
  abstract apiUrl?: string;
  abstract salesChannel?: string;
  /** `queue:#channel` pairs, comma separated (SLACK_QUEUE_CHANNELS). */
  abstract queueChannels?: string;
}

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
