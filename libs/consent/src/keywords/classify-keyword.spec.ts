import { classifyKeyword, HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS } from './classify-keyword';
import { keywordReply } from './keyword-replies';

describe('classifyKeyword', () => {
  it.each(OPT_OUT_KEYWORDS)('%s revokes consent in any case', (keyword) => {
    expect(classifyKeyword(keyword)).toBe('opt_out');
    expect(classifyKeyword(keyword.toLowerCase())).toBe('opt_out');
    expect(classifyKeyword(keyword[0] + keyword.slice(1).toLowerCase())).toBe('opt_out');
  });

  it.each(OPT_IN_KEYWORDS)('%s restores consent', (keyword) => {
    expect(classifyKeyword(keyword.toLowerCase())).toBe('opt_in');
  });

  it.each(HELP_KEYWORDS)('%s asks for help', (keyword) => {
    expect(classifyKeyword(` ${keyword} `)).toBe('help');
  });

  it('tolerates the way people type a lone keyword', () => {
    expect(classifyKeyword('Stop.')).toBe('opt_out');
    expect(classifyKeyword('STOP!!')).toBe('opt_out');
    expect(classifyKeyword('"stop"')).toBe('opt_out');
    expect(classifyKeyword('stop 🛑')).toBe('opt_out');
    expect(classifyKeyword('\u200Bstop\n')).toBe('opt_out');
    expect(classifyKeyword('ＳＴＯＰ')).toBe('opt_out');
    expect(classifyKeyword('opt-out')).toBe('opt_out');
    expect(classifyKeyword('Opt out')).toBe('opt_out');
    expect(classifyKeyword('stop all')).toBe('opt_out');
    expect(classifyKeyword('un-stop')).toBe('opt_in');
    expect(classifyKeyword('Yes!')).toBe('opt_in');
    expect(classifyKeyword('help?')).toBe('help');
  });

  it('ignores keywords inside a longer message and lookalikes', () => {
    for (const text of ['please stop texting me', 'stop it', 'yes please', 'I need help', 'the end', 'stopp', 'stops', 'starter', 'information', 'infos', 'cancellation']) {
      expect(classifyKeyword(text)).toBeUndefined();
    }
  });

  it('ignores empty, missing and very long messages', () => {
    expect(classifyKeyword(undefined)).toBeUndefined();
    expect(classifyKeyword('')).toBeUndefined();
    expect(classifyKeyword('   ')).toBeUndefined();
    expect(classifyKeyword('?!')).toBeUndefined();
    expect(classifyKeyword(`stop${'!'.repeat(40)}`)).toBeUndefined();
    expect(classifyKeyword(`  stop${' '.repeat(100)}`)).toBe('opt_out');
  });
});

describe('keywordReply', () => {
  const program = { name: 'Acme', helpContact: 'help@acme.io' };

  it('names the program and says how to opt out or back in', () => {
    expect(keywordReply('opt_out', program)).toMatch(/^Acme: .*unsubscribed.*Reply START/);
    expect(keywordReply('opt_in', program)).toMatch(/^Acme: .*Reply HELP .*STOP to opt out\.$/);
    expect(keywordReply('help', program)).toBe('Acme: For help contact help@acme.io. Msg & data rates may apply. Reply STOP to opt out.');
    expect(keywordReply('help', { ...program, helpText: 'Call 555-0100.' })).toBe('Call 555-0100.');
  });
});
