/** What every Twilio webhook needs to verify a request: the account, its auth token and the public URL Twilio signs. */
export interface TwilioWebhookSettings {
  readonly accountSid?: string;
  readonly authToken?: string;
  readonly publicBaseUrl?: string;
}

/** Why a Twilio channel is off, or undefined when it can verify webhooks. */
export function twilioSettingsProblem(settings: TwilioWebhookSettings): string | undefined {
  const required: [string, string | undefined][] = [
    ['TWILIO_ACCOUNT_SID', settings.accountSid],
    ['TWILIO_AUTH_TOKEN', settings.authToken],
    ['PUBLIC_BASE_URL', settings.publicBaseUrl],
  ];
  const missing = required.filter(([, value]) => !value).map(([name]) => name);
  return missing.length ? `missing ${missing.join(', ')}` : undefined;
}

export function publicUrl(settings: TwilioWebhookSettings, pathAndQuery: string): string {
  return `${(settings.publicBaseUrl ?? '').replace(/\/+$/, '')}${pathAndQuery}`;
}
