import type { FakeSms, FakeTwilio } from '@parley/testing';
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';

export const TWILIO = {
  accountSid: `AC${'0'.repeat(32)}`,
  authToken: 'e2e-auth-token-0123456789abcdef',
  ourNumber: '+15005550006',
  publicBaseUrl: 'https://parley.example.com',
};

export const twilioEnv = (apiUrl: string): Record<string, string> => ({
  TWILIO_ACCOUNT_SID: TWILIO.accountSid,
  TWILIO_AUTH_TOKEN: TWILIO.authToken,
  TWILIO_FROM: TWILIO.ourNumber,
  TWILIO_API_URL: apiUrl,
  PUBLIC_BASE_URL: TWILIO.publicBaseUrl,
});

export const messageSid = () => `SM${randomBytes(16).toString('hex')}`;
export const randomPhone = () => `+1415555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;

/** A phone texting Parley the way Twilio delivers it: signed over the public URL, posted to the local one. */
export class SmsPeer {
  constructor(
    private readonly appUrl: () => string,
    private readonly fake: FakeTwilio,
  ) {}

  async post(path: string, params: Record<string, string>, signature: string | null = twilio.getExpectedTwilioSignature(TWILIO.authToken, `${TWILIO.publicBaseUrl}${path}`, params)) {
    const response = await fetch(`${this.appUrl()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
      body: new URLSearchParams(params),
    });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
  }

  inbound(from: string, body: string, sid = messageSid(), extra: Record<string, string> = {}): Record<string, string> {
    return {
      ToCountry: 'US', SmsMessageSid: sid, NumMedia: '0', SmsSid: sid, SmsStatus: 'received', Body: body, To: TWILIO.ourNumber,
      NumSegments: '1', MessageSid: sid, AccountSid: TWILIO.accountSid, From: from, ApiVersion: '2010-04-01', ...extra,
    };
  }

  /** Texts Parley and waits until `replies` messages to that number reached the fake Twilio. */
  async text(from: string, body: string, replies: number, extra: Record<string, string> = {}): Promise<FakeSms[]> {
    const before = this.fake.sentTo(from).length;
    const response = await this.post('/webhooks/twilio/sms', this.inbound(from, body, messageSid(), extra));
    if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${response.body}`);
    await this.waitFor(() => this.fake.sentTo(from).length >= before + replies);
    return this.fake.sentTo(from).slice(before);
  }

  async waitFor(done: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out; sent so far: ${JSON.stringify(this.fake.sent.map((m) => [m.to, m.body]))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
