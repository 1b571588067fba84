import twilio from 'twilio';
import { KeepAliveRequestClient } from './twilio-http-client';

const TWILIO_ORIGIN = /^https:\/\/(?:[a-z0-9-]+\.)*twilio\.com(?=[/?]|$)/i;

/** Points a Twilio API URL at `apiUrl` (a proxy or a test double), keeping the path and query. */
export function rewriteApiUrl(uri: string, apiUrl: string | undefined): string {
  return apiUrl ? uri.replace(TWILIO_ORIGIN, apiUrl.replace(/\/+$/, '')) : uri;
}

export function createTwilioClient(accountSid: string, authToken: string, apiUrl?: string): twilio.Twilio {
  return twilio(accountSid, authToken, { httpClient: new KeepAliveRequestClient((uri) => rewriteApiUrl(uri, apiUrl)) });
}
