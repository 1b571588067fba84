import { previewTemplate, smsSize } from './sms-segments';

describe('SMS segments of a campaign text', () => {
  it('counts GSM-7 texts in 160-septet messages and 153-septet parts', () => {
    expect(smsSize('')).toEqual({ encoding: 'GSM-7', units: 0, segments: 0 });
    expect(smsSize('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('a'.repeat(161))).toEqual({ encoding: 'GSM-7', units: 161, segments: 2 });
    expect(smsSize('a'.repeat(306)).segments).toBe(2);
    expect(smsSize('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters twice and falls back to UCS-2 for anything outside GSM', () => {
    expect(smsSize('€'.repeat(80))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(smsSize('€'.repeat(81)).segments).toBe(2);
    expect(smsSize('Hi 👋')).toEqual({ encoding: 'UCS-2', units: 5, segments: 1 });
    expect(smsSize('ł'.repeat(71))).toEqual({ encoding: 'UCS-2', units: 71, segments: 2 });
  });

  it('fills placeholders with sample values', () => {
    expect(previewTemplate('Hi {{name}} at {{ contact.company }}!{{missing}}', { name: 'Ada', company: 'Acme' })).toBe('Hi Ada at Acme!');
  });
});
