import { WHATSAPP_WINDOW_CLOSED, whatsAppSendVerdict, whatsAppWindowOpen } from './customer-service-window';

const last = new Date('2026-03-28T10:00:00.000Z');
const after = (ms: number) => new Date(last.getTime() + ms);
const HOUR = 3_600_000;

describe('WhatsApp customer-service window', () => {
  it('is open from the last inbound message for 24 hours, end exclusive', () => {
    expect(whatsAppWindowOpen(last, last)).toBe(true);
    expect(whatsAppWindowOpen(last, after(23 * HOUR + 59 * 60_000))).toBe(true);
    expect(whatsAppWindowOpen(last, after(24 * HOUR - 1))).toBe(true);
    expect(whatsAppWindowOpen(last, after(24 * HOUR))).toBe(false);
    expect(whatsAppWindowOpen(last, after(25 * HOUR))).toBe(false);
  });

  it('counts elapsed time, not calendar days: a DST change in between does not stretch it', () => {
    // Europe moves its clocks on 2026-03-29; 24 hours stay 24 hours of elapsed time.
    expect(whatsAppWindowOpen(last, new Date('2026-03-29T09:59:59.999Z'))).toBe(true);
    expect(whatsAppWindowOpen(last, new Date('2026-03-29T10:00:00.000Z'))).toBe(false);
  });

  it('is closed when the person never wrote, and for a clock that is behind (a message from the future) stays open', () => {
    expect(whatsAppWindowOpen(undefined, last)).toBe(false);
    expect(whatsAppWindowOpen(after(HOUR), last)).toBe(true);
  });

  it('sends free-form text inside, the approved template outside, and nothing without one', () => {
    expect(whatsAppSendVerdict(last, after(2 * HOUR), true)).toEqual({ send: 'free-form' });
    expect(whatsAppSendVerdict(last, after(2 * HOUR), false)).toEqual({ send: 'free-form' });
    expect(whatsAppSendVerdict(last, after(25 * HOUR), true)).toEqual({ send: 'template' });
    expect(whatsAppSendVerdict(last, after(25 * HOUR), false)).toEqual({ send: 'nothing', reason: WHATSAPP_WINDOW_CLOSED });
    expect(whatsAppSendVerdict(undefined, last, true)).toEqual({ send: 'template' });
    expect(WHATSAPP_WINDOW_CLOSED).toBe('whatsapp_window_closed');
  });
});
