import type { ConsentDraft } from '@parley/consent';
import { recipientTimeZone } from '@parley/consent';
import { checkOutbound } from './outbound-gate';

type Event = Pick<ConsentDraft, 'channel' | 'purpose' | 'action'>;
const granted: Event[] = [{ channel: 'sms', purpose: 'marketing', action: 'grant' }];
const base = { channel: 'sms' as const, kind: 'marketing' as const, address: '+12125550100', attributes: {}, defaultTimeZone: 'UTC' };
// 2026-03-10 15:00 UTC: 11:00 in New York, 05:00 in Honolulu
const now = new Date('2026-03-10T15:00:00Z');

describe('checkOutbound', () => {
  it('sends marketing with a granted consent inside the window', () => {
    expect(checkOutbound({ ...base, events: granted, now })).toEqual({ action: 'send' });
  });

  it('skips without consent, after a revoke, and after a channel-wide STOP', () => {
    expect(checkOutbound({ ...base, events: [], now })).toEqual({ action: 'skip', reason: 'no-consent' });
    expect(checkOutbound({ ...base, events: [...granted, { channel: 'all', purpose: 'marketing', action: 'revoke' }], now })).toEqual({ action: 'skip', reason: 'opted-out' });
    expect(checkOutbound({ ...base, events: [...granted, { channel: 'sms', purpose: 'all', action: 'revoke' }], now, kind: 'transactional' })).toEqual({ action: 'skip', reason: 'opted-out' });
  });

  it('holds marketing until the window opens in the recipient zone (area code, then attribute)', () => {
    expect(checkOutbound({ ...base, address: '+18085550100', events: granted, now })).toEqual({
      action: 'hold',
      until: new Date('2026-03-10T18:00:00Z'),
      timeZone: 'Pacific/Honolulu',
    });
    const tokyo = checkOutbound({ ...base, attributes: { timeZone: 'Asia/Tokyo' }, events: granted, now });
    expect(tokyo).toEqual({ action: 'hold', until: new Date('2026-03-10T23:00:00Z'), timeZone: 'Asia/Tokyo' });
  });

  it('lets transactional texts through quiet hours', () => {
    expect(checkOutbound({ ...base, address: '+18085550100', events: [], now, kind: 'transactional' })).toEqual({ action: 'send' });
  });
});

describe('recipientTimeZone', () => {
  it('prefers a valid attribute, then the phone number, then the default', () => {
    expect(recipientTimeZone({ timeZone: 'Europe/Berlin' }, '+12125550100', 'UTC')).toBe('Europe/Berlin');
    expect(recipientTimeZone({ timeZone: 'Mars/Olympus' }, '+12125550100', 'UTC')).toBe('America/New_York');
    expect(recipientTimeZone({}, 'not-a-phone', 'Europe/London')).toBe('Europe/London');
  });
});
