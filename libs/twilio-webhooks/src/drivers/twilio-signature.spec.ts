import twilio from 'twilio';
import { isValidTwilioSignature } from './twilio-signature';

const TOKEN = '12345678901234567890123456789012';
const URL = 'https://parley.example.com/webhooks/twilio/sms';
const PARAMS = { MessageSid: 'SM0123456789abcdef0123456789abcdef', From: '+15551234567', To: '+15005550006', Body: 'Hi there & welcome 👋' };
const sign = (url = URL, params: Record<string, string | string[]> = PARAMS, token = TOKEN) => twilio.getExpectedTwilioSignature(token, url, params);

describe('isValidTwilioSignature', () => {
  it('accepts the signature Twilio computes for the public URL and the exact params', () => {
    expect(isValidTwilioSignature(TOKEN, sign(), URL, PARAMS)).toBe(true);
    expect(isValidTwilioSignature(TOKEN, sign(`${URL}?messageId=m1`), `${URL}?messageId=m1`, PARAMS)).toBe(true);
    expect(isValidTwilioSignature(TOKEN, sign(URL, { ...PARAMS, MediaUrl0: ['a', 'b'] }), URL, { ...PARAMS, MediaUrl0: ['a', 'b'] })).toBe(true);
  });

  it('accepts the URL signed with its default port, as Twilio sometimes does', () => {
    expect(isValidTwilioSignature(TOKEN, sign('https://parley.example.com:443/webhooks/twilio/sms'), URL, PARAMS)).toBe(true);
  });

  it('rejects a forged signature: another token, altered params, or added params', () => {
    expect(isValidTwilioSignature(TOKEN, sign(URL, PARAMS, 'another-token'), URL, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, sign(), URL, { ...PARAMS, Body: 'STOP' })).toBe(false);
    expect(isValidTwilioSignature(TOKEN, sign(), URL, { ...PARAMS, Extra: '1' })).toBe(false);
    expect(isValidTwilioSignature(TOKEN, 'bm90IGEgc2lnbmF0dXJl', URL, PARAMS)).toBe(false);
  });

  it('rejects a missing or empty signature', () => {
    expect(isValidTwilioSignature(TOKEN, undefined, URL, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, '', URL, PARAMS)).toBe(false);
  });

  it('rejects a signature made for another URL', () => {
    expect(isValidTwilioSignature(TOKEN, sign('http://127.0.0.1:3000/webhooks/twilio/sms'), URL, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, sign('https://parley.example.com/webhooks/twilio/status'), URL, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, sign(`${URL}?messageId=m1`), `${URL}?messageId=m2`, PARAMS)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, sign(), 'not a url', PARAMS)).toBe(false);
  });
});
