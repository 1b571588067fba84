import { signSlackRequest, verifySlackSignature } from './slack-signature';

describe('verifySlackSignature', () => {
  const secret = 'shh';
  const body = Buffer.from('payload=%7B%7D');
  const now = 1_764_100_000;

  it('accepts a fresh request signed with the secret', () => {
    const signature = signSlackRequest(secret, now, body);
    expect(verifySlackSignature(secret, { timestamp: String(now), signature }, body, now)).toBe(true);
  });

  it('refuses a wrong secret, a changed body, an old timestamp and missing headers', () => {
    const signature = signSlackRequest(secret, now, body);
    expect(verifySlackSignature('other', { timestamp: String(now), signature }, body, now)).toBe(false);
    expect(verifySlackSignature(secret, { timestamp: String(now), signature }, Buffer.from('payload=%7B%7D '), now)).toBe(false);
    expect(verifySlackSignature(secret, { timestamp: String(now), signature }, body, now + 301)).toBe(false);
    expect(verifySlackSignature(secret, { timestamp: String(now) }, body, now)).toBe(false);
    expect(verifySlackSignature(secret, { timestamp: String(now), signature }, undefined, now)).toBe(false);
  });
});
