import { escapeForChannel } from './escape-for-channel';
import { renderTemplate, templateProblems } from './template';

const scope = { contact: { firstName: 'ana', tags: ['a', 'b'], visits: 3, vip: true, address: { city: 'Lyon' }, blank: '' }, segment: 'smb', segments: ['smb', 'eu'], channel: 'sms', score: 40 };

describe('templates', () => {
  it.each([
    ['Hi {{contact.firstName}}', 'Hi ana'],
    ['Hi {{ contact.firstName | capitalize }}', 'Hi Ana'],
    ['Hi {{contact.lastName | default: "there"}}', 'Hi there'],
    ['Hi {{contact.blank | default: \'you\'}}!', 'Hi you!'],
    ['{{contact.missing}}|', '|'],
    ['{{contact.tags}} {{contact.visits}} {{contact.vip}} {{contact.address.city | upper}}', 'a, b 3 yes LYON'],
    ['{{segment}} / {{segments}} / {{channel}} / {{score}}', 'smb / smb, eu / sms / 40'],
    ['{{contact.address}}', ''],
    ['{{contact.toString}} {{contact.constructor}}', ' '],
    ['{{contact.firstName | first | upper}}', 'ANA'],
  ])('%s → %j', (template, expected) => {
    expect(renderTemplate(template, scope)).toBe(expected);
  });

  it('never renders undefined, null or [object Object]', () => {
    const text = renderTemplate('{{contact.a}}{{contact.b}}{{contact.c}}{{entities.email}}', { contact: { a: undefined, b: null, c: {} } });
    expect(text).toBe('');
  });

  it('escapes values per channel, not the author text or defaults', () => {
    const markdown = escapeForChannel('botframework');
    expect(renderTemplate('**{{contact.name}}** {{contact.x | default: "*hi*"}}', { contact: { name: '[a](b)' } }, { escape: markdown })).toBe('**\\[a\\]\\(b\\)** *hi*');
    expect(renderTemplate('{{contact.name}}', { contact: { name: 'Tom & <Jerry>' } }, { escape: escapeForChannel('voice') })).toBe('Tom and Jerry');
    expect(renderTemplate('{{contact.name}}', { contact: { name: 'a\u0000b\u0007c' } }, { escape: escapeForChannel('webchat') })).toBe('abc');
  });

  it('reports bad variables, filters and syntax', () => {
    expect(templateProblems('{{name}}')).toEqual([expect.stringContaining('bad template variable "name"')]);
    expect(templateProblems('{{contact}}')).toEqual([expect.stringContaining('bad template variable "contact"')]);
    expect(templateProblems('{{contact.name | shout}}')).toEqual([expect.stringContaining('unknown template filter "shout"')]);
    expect(templateProblems('{{contact.name')).toEqual(['unclosed "{{" in template']);
    expect(templateProblems('{{ contact.name | default: "a | b" }} {{segment}}')).toEqual([]);
  });
});
