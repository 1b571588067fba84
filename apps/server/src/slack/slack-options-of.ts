import { loadSlackRouting, type SlackOptions } from '@parley/channels-slack';
import type { ParleyConfig } from '@parley/config';
import { isAbsolute, resolve } from 'node:path';

/** The desk's settings; SLACK_ROUTING is read and checked here, so a bad rules file stops the boot with its problems. */
export function slackOptionsOf(config: ParleyConfig): SlackOptions {
  return {
    signingSecret: config.SLACK_SIGNING_SECRET,
    botToken: config.SLACK_BOT_TOKEN,
    apiUrl: config.SLACK_API_URL,
    salesChannel: config.SLACK_SALES_CHANNEL,
    queueChannels: config.SLACK_QUEUE_CHANNELS,
    routing: config.SLACK_ROUTING ? loadSlackRouting(isAbsolute(config.SLACK_ROUTING) ? config.SLACK_ROUTING : resolve(config.SLACK_ROUTING)) : undefined,
    slaPingMinutes: config.SLACK_SLA_PING_MINUTES,
    slaRerouteMinutes: config.SLACK_SLA_REROUTE_MINUTES,
    snoozeMinutes: config.SLACK_SNOOZE_MINUTES,
    escalationChannel: config.SLACK_ESCALATION_CHANNEL,
  };
}
