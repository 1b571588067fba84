import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signature', () => {
  const body = JSON.stringify({ type: 'followup.crm_push', payload: { email: 'ada@example.com' } });

  it('is t=<ts>,v1=<hex HMAC-SHA256(secret, ts.body)>', () => {
    const expected = createHmac('sha256', 's3cret').update(`1700000000.${body}`).digest('hex');
    expect(signWebhook('s3cret', body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies its own signature and rejects a changed body, secret or timestamp', () => {
    const header = signWebhook('s3cret', body, 1700000000);
    expect(verifyWebhookSignature('s3cret', header, body)).toBe(true);
    expect(verifyWebhookSignature('s3cret', header, body + ' ')).toBe(false);
    expect(verifyWebhookSignature('other', header, body)).toBe(false);
    expect(verifyWebhookSignature('s3cret', header.replace('t=1700000000', 't=1700000001'), body)).toBe(false);
  });

  it('rejects missing or malformed headers and stale timestamps', () => {
    expect(verifyWebhookSignature('s3cret', undefined, body)).toBe(false);
    expect(verifyWebhookSignature('s3cret', 'v1=abc', body)).toBe(false);
    expect(verifyWebhookSignature('s3cret', 't=1,v1=zz', body)).toBe(false);
    const header = signWebhook('s3cret', body, 1700000000);
    expect(verifyWebhookSignature('s3cret', header, body, { nowSeconds: 1700000200, toleranceSeconds: 300 })).toBe(true);
    expect(verifyWebhookSignature('s3cret', header, body, { nowSeconds: 1700000400, toleranceSeconds: 300 })).toBe(false);
  });
});
