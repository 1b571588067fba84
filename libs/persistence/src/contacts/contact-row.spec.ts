import { contactRowsFromCsv } from './contact-files';
import { normaliseContactRow } from './contact-row';

describe('contact import rows', () => {
  it('reads CSV rows with their line numbers and reports broken ones without stopping', () => {
    const { rows, errors } = contactRowsFromCsv('email,phone,name\nA@x.com,(415) 555-0199, Bob \n\nb@x.com,1,2,3\n"q""x@y.io",+44 20 7183 8750,z\n');
    expect(rows.map((r) => r.line)).toEqual([2, 5]);
    expect(errors).toEqual([{ line: 3, reason: 'empty row' }, { line: 4, reason: 'expected 3 columns, found 4' }]);
  });

  it('normalises phones to E.164, emails to lower case, names and countries', () => {
    const verdict = normaliseContactRow({ line: 2, cells: { Email: ' A@X.com ', phone: '(415) 555-0199', name: '  Bob  Smith ', country: 'us' } }, 'US');
    expect(verdict).toEqual({ ok: true, contact: { line: 2, email: 'a@x.com', phone: '+14155550199', consent: undefined,
      attributes: { email: 'a@x.com', phone: '+14155550199', name: 'Bob Smith', country: 'US' } } });
  });

  it('names the reason a row is refused', () => {
    expect(normaliseContactRow({ line: 7, cells: { email: 'not-an-email' } }, 'US')).toEqual({ ok: false, line: 7, reason: 'bad email "not-an-email"' });
    expect(normaliseContactRow({ line: 8, cells: { phone: '12' } }, 'US')).toMatchObject({ ok: false, reason: 'malformed phone "12"' });
    expect(normaliseContactRow({ line: 9, cells: { email: 'a@b.co', consent_channel: 'fax', consent_purpose: 'marketing' } }, 'US')).toMatchObject({ ok: false });
  });
});
