import { samePhoneIdentities } from './same-phone';

describe('same phone on SMS and WhatsApp', () => {
  it('pairs a WhatsApp address with the SMS one and back', () => {
    expect(samePhoneIdentities('whatsapp', 'whatsapp:+14155550100')).toEqual([{ channel: 'sms', address: '+14155550100' }]);
    expect(samePhoneIdentities('sms', '+14155550100')).toEqual([{ channel: 'whatsapp', address: 'whatsapp:+14155550100' }]);
  });

  it('pairs nothing else', () => {
    expect(samePhoneIdentities('webchat', '+14155550100')).toEqual([]);
    expect(samePhoneIdentities('sms', 'MG123')).toEqual([]);
    expect(samePhoneIdentities('whatsapp', '+14155550100')).toEqual([]);
  });
});
