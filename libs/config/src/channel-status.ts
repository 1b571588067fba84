import type { ParleyConfig } from './env-schema';

export interface ChannelStatus {
  name: string;
  enabled: boolean;
  /** Why a channel is off: the settings it is missing. */
  reason?: string;
}

function needs(name: string, config: ParleyConfig, keys: (keyof ParleyConfig)[]): ChannelStatus {
  const missing = keys.filter((k) => !config[k]);
  return missing.length ? { name, enabled: false, reason: `missing ${missing.join(', ')}` } : { name, enabled: true };
}

export function channelStatuses(config: ParleyConfig): ChannelStatus[] {
  const botframework =
    config.MICROSOFT_APP_ID && config.MICROSOFT_APP_PASSWORD
      ? { name: 'botframework', enabled: true }
      : config.BOTFRAMEWORK_ALLOW_UNAUTHENTICATED && !config.MICROSOFT_APP_ID && !config.MICROSOFT_APP_PASSWORD
        ? { name: 'botframework', enabled: true, reason: 'UNAUTHENTICATED (emulator mode)' }
        : { name: 'botframework', enabled: false, reason: 'missing MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD' };
  return [
    { name: 'webchat', enabled: true },
    needs('sms', config, ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'PUBLIC_BASE_URL']),
    needs('voice', config, ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'PUBLIC_BASE_URL']),
    needs('alexa', config, ['ALEXA_SKILL_ID']),
    botframework,
    needs('slack', config, ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN']),
    needs('email', config, ['SMTP_URL']),
  ];
}
