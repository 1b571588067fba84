import { extractEmails } from './email';

const emails = (text: string) => extractEmails(text).map((e) => [e.value, e.start, e.end]);

describe('extractEmails', () => {
  it('finds an address inside a sentence and lower-cases it', () => {
    expect(emails("sure, it's Jane@Acme.IO")).toEqual([['jane@acme.io', 11, 23]]);
  });

  it.each([
    ['(jane@acme.io)', 'jane@acme.io'],
    ['<jane@acme.io>,', 'jane@acme.io'],
    ['"jane@acme.io".', 'jane@acme.io'],
    ['mailto:jane@acme.io!', 'jane@acme.io'],
    ['email: jane.doe+leads@mail.acme.co.uk; thanks', 'jane.doe+leads@mail.acme.co.uk'],
    ['...jane@acme.io...', 'jane@acme.io'],
  ])('strips the punctuation around %s', (text, value) => {
    expect(emails(text).map(([v]) => v)).toEqual([value]);
  });

  it('keeps the span on the original text', () => {
    const [found] = extractEmails('Write to (Bob@Example.org).');
    expect(found.text).toBe('Bob@Example.org');
  });

  it('finds several addresses', () => {
    expect(emails('a@b.io or c@d.com').map(([v]) => v)).toEqual(['a@b.io', 'c@d.com']);
  });

  it.each(['jane@acme', 'jane@', '@acme.io', 'jane at acme dot io', 'jane@@acme.io'])('finds nothing in %s', (text) => {
    expect(emails(text)).toEqual([]);
  });
});
