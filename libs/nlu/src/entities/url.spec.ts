import { extractUrls } from './url';

const urls = (text: string) => extractUrls(text).map((e) => [e.value, e.text]);

describe('extractUrls', () => {
  it.each([
    ['see https://acme.io/pricing?plan=pro.', 'https://acme.io/pricing?plan=pro', 'https://acme.io/pricing?plan=pro'],
    ['(www.acme.io/pricing)', 'https://www.acme.io/pricing', 'www.acme.io/pricing'],
    ['visit Acme.io!', 'https://acme.io/', 'Acme.io'],
    ['the wiki https://en.wikipedia.org/wiki/Foo_(bar), ok', 'https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
  ])('reads %s', (text, value, span) => {
    expect(urls(text)).toEqual([[value, span]]);
  });

  it('does not take the domain of an email address', () => {
    expect(urls('jane@acme.io')).toEqual([]);
  });

  it.each(['e.g. this', 'version 2.5', 'hello.world'])('finds nothing in %s', (text) => {
    expect(urls(text)).toEqual([]);
  });
});
