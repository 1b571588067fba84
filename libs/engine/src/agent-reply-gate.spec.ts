import type { StoredMessage } from '@parley/core';
import { agentReplyHeld } from './agent-reply-gate';

describe('agentReplyHeld', () => {
  // 23:30 in New York (EST, UTC-5): quiet hours there.
  const night = new Date('2026-11-26T04:30:00Z');
  const sms = { channel: 'sms' as const, address: '+12125550123' };
  const said = (minutesAgo: number): StoredMessage => ({ id: 'm', conversationId: 'c', from: 'visitor', text: 'hi', at: new Date(night.getTime() - minutesAgo * 60_000) });

  it('holds every reply to a number that opted out', () => {
    const stop = [{ channel: 'sms', purpose: 'all', action: 'revoke' }] as never;
    expect(agentReplyHeld(sms, { attributes: {} }, stop, [said(1)], night)).toEqual({ held: 'opted_out' });
  });

  it('answers a message the customer just sent, even at night, but holds a late one until the window opens', () => {
    expect(agentReplyHeld(sms, { attributes: {} }, [], [said(10)], night)).toBeUndefined();
    expect(agentReplyHeld(sms, { attributes: {} }, [], [said(90)], night)).toEqual({ held: 'quiet_hours', until: new Date('2026-11-26T13:00:00Z') });
    expect(agentReplyHeld(sms, { attributes: {} }, [], [said(90)], new Date('2026-11-26T18:00:00Z'))).toBeUndefined();
  });

  it("prefers the contact's stated zone, and never holds web chat", () => {
    expect(agentReplyHeld(sms, { attributes: { timezone: 'Asia/Tokyo' } }, [], [said(90)], night)).toBeUndefined();
    expect(agentReplyHeld(sms, { attributes: { timezone: 'Not/AZone' } }, [], [said(90)], night)?.held).toBe('quiet_hours');
    expect(agentReplyHeld({ channel: 'webchat', address: 'v1' }, { attributes: {} }, [], [], night)).toBeUndefined();
  });
});
