import { COUNTRY_MAIN_ZONES } from './country-time-zones';
import { NANP_AREA_CODE_ZONES } from './nanp-area-codes';
import { timeZoneForPhone } from './time-zone-for-phone';

const FALLBACK = 'Etc/UTC';

describe('timeZoneForPhone', () => {
  it.each([
    ['+12125550123', 'America/New_York'],
    ['+13125550123', 'America/Chicago'],
    ['+13035550123', 'America/Denver'],
    ['+16025550123', 'America/Phoenix'],
    ['+14155550123', 'America/Los_Angeles'],
    ['+19075550123', 'America/Anchorage'],
    ['+18085550123', 'Pacific/Honolulu'],
    ['+16045550123', 'America/Vancouver'],
    ['+15145550123', 'America/Toronto'],
    ['+17095550123', 'America/St_Johns'],
  ])('places the US/Canadian number %s in %s by its area code', (phone, zone) => {
    expect(timeZoneForPhone(phone, FALLBACK)).toBe(zone);
  });

  it('gives other countries their main zone', () => {
    expect(timeZoneForPhone('+919876543210', FALLBACK)).toBe('Asia/Kolkata');
    expect(timeZoneForPhone('+33612345678', FALLBACK)).toBe('Europe/Paris');
    expect(timeZoneForPhone('+447400123456', FALLBACK)).toBe('Europe/London');
    expect(timeZoneForPhone('+61412345678', FALLBACK)).toBe('Australia/Sydney');
    expect(timeZoneForPhone('+18765550123', FALLBACK)).toBe('America/Jamaica');
  });

  it('falls back to the country zone for a straddling area code, and to `fallback` when nothing is known', () => {
    expect(timeZoneForPhone('+18505550123', FALLBACK)).toBe('America/New_York');
    expect(timeZoneForPhone('+15555550123', FALLBACK)).toBe(FALLBACK);
    expect(timeZoneForPhone('+9999', FALLBACK)).toBe(FALLBACK);
    expect(timeZoneForPhone('not a phone', FALLBACK)).toBe(FALLBACK);
    expect(timeZoneForPhone('+37612345', FALLBACK)).toBe(FALLBACK);
  });

  it('reads WhatsApp addresses as the number they carry', () => {
    expect(timeZoneForPhone('whatsapp:+14155550123', FALLBACK)).toBe('America/Los_Angeles');
  });

  it('only names zones the runtime knows', () => {
    const zones = new Set([...NANP_AREA_CODE_ZONES.values(), ...Object.values(COUNTRY_MAIN_ZONES)]);
    for (const zone of zones) expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
  });
});
