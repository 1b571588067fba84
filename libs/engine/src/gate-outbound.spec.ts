import type { OutboundMessage } from '@parley/core';
import { OPTED_OUT, gateOutbound } from './gate-outbound';

const lastInboundAt = new Date('2026-11-20T12:00:00.000Z');
const hours = (h: number) => new Date(lastInboundAt.getTime() + h * 3_600_000);
const template = { contentSid: `HX${'a'.repeat(32)}`, variables: { '1': 'Leo' } };

function message(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return { id: 'm1', conversationId: 'c1', channel: 'whatsapp', address: 'whatsapp:+14155550100', from: 'bot', text: 'Your cart is saved', kind: 'conversational', at: hours(0), ...overrides };
}

describe('outbound gate', () => {
  it('lets free-form WhatsApp text out within 24 hours of the last inbound message, without switching to the template', () => {
    const gated = gateOutbound([message({ template })], { now: hours(23.9), lastInboundAt, optedOut: false });
    expect(gated).toEqual({ send: [message({ template })], refused: [] });
  });

  it('refuses free-form WhatsApp text 25 hours later with whatsapp_window_closed', () => {
    const gated = gateOutbound([message()], { now: hours(25), lastInboundAt, optedOut: false });
    expect(gated).toEqual({ send: [], refused: [{ message: message(), reason: 'whatsapp_window_closed' }] });
  });

  it('sends the approved template instead when the node offers one, and refuses only the messages without', () => {
    const other = message({ id: 'm2', text: 'Anything else?' });
    const gated = gateOutbound([message({ template }), other], { now: hours(25), lastInboundAt, optedOut: false });
    expect(gated.send).toEqual([{ ...message({ template }), sendAsTemplate: true }]);
    expect(gated.refused).toEqual([{ message: other, reason: 'whatsapp_window_closed' }]);
  });

  it('treats a person who never wrote as outside the window', () => {
    expect(gateOutbound([message()], { now: hours(0), optedOut: false }).refused).toHaveLength(1);
  });

  it('never applies the window to other channels', () => {
    const sms = message({ channel: 'sms', address: '+14155550100' });
    expect(gateOutbound([sms], { now: hours(100), lastInboundAt, optedOut: false })).toEqual({ send: [sms], refused: [] });
  });

  it('refuses everything, templates included, to a person who opted out', () => {
    const gated = gateOutbound([message({ template }), message({ channel: 'sms' })], { now: hours(1), lastInboundAt, optedOut: true });
    expect(gated.send).toEqual([]);
    expect(gated.refused.map((r) => r.reason)).toEqual([OPTED_OUT, OPTED_OUT]);
  });
});
