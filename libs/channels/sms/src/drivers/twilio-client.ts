import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';

const TWILIO_ORIGIN = /^https:\/\/(?:[a-z0-9-]+\.)*twilio\.com(?=[/?]|$)/i;
const REQUEST_TIMEOUT_MS = 10_000;

/** Points a Twilio API URL at `apiUrl` (a proxy or a test double), keeping the path and query. */
export function rewriteApiUrl(uri: string, apiUrl: string | undefined): string {
  return apiUrl ? uri.replace(TWILIO_ORIGIN, apiUrl.replace(/\/+$/, '')) : uri;
}

/** The SDK's own HTTP client (auth, form encoding, errors), sent to TWILIO_API_URL when one is set. */
class ApiUrlRequestClient extends twilio.RequestClient {
  constructor(private readonly apiUrl: string | undefined) {
    super({ timeout: REQUEST_TIMEOUT_MS });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: rewriteApiUrl(opts.uri, this.apiUrl) });
  }
}

export function createTwilioClient(accountSid: string, authToken: string, apiUrl?: string): twilio.Twilio {
  return twilio(accountSid, authToken, { httpClient: new ApiUrlRequestClient(apiUrl) });
}
