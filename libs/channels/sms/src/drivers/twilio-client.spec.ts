import { rewriteApiUrl } from './twilio-client';

describe('rewriteApiUrl', () => {
  const messages = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json';

  it('sends Twilio API calls to TWILIO_API_URL, keeping path and query', () => {
    expect(rewriteApiUrl(messages, 'http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010/2010-04-01/Accounts/AC1/Messages.json');
    expect(rewriteApiUrl(`${messages}?PageSize=5`, 'http://proxy.local/twilio/')).toBe(
      'http://proxy.local/twilio/2010-04-01/Accounts/AC1/Messages.json?PageSize=5',
    );
    expect(rewriteApiUrl('https://messaging.twilio.com/v1/Services', 'http://fake')).toBe('http://fake/v1/Services');
  });

  it('leaves URLs alone without TWILIO_API_URL, and never rewrites other hosts', () => {
    expect(rewriteApiUrl(messages, undefined)).toBe(messages);
    expect(rewriteApiUrl('https://api.twilio.com.evil.io/x', 'http://fake')).toBe('https://api.twilio.com.evil.io/x');
    expect(rewriteApiUrl('https://nottwilio.com/x', 'http://fake')).toBe('https://nottwilio.com/x');
  });
});
