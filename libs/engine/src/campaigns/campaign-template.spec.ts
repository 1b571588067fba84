import { CampaignTemplateError, renderCampaignText, unknownVariables } from './campaign-template';

describe('campaign templates', () => {
  it('renders contact attributes without escaping (SMS is not HTML)', () => {
    expect(renderCampaignText('Hi {{name}}, 20% off at <Acme> & Co{{#if city}} in {{city}}{{/if}}!', { name: "Zoë O'Hara", city: 'Leeds' })).toBe(
      "Hi Zoë O'Hara, 20% off at <Acme> & Co in Leeds!",
    );
    expect(renderCampaignText('Hi {{name}}{{#if city}} in {{city}}{{/if}}!', { name: 'Al' })).toBe('Hi Al!');
  });

  it('names variables that are neither standard fields nor any recipient attribute', () => {
    expect(unknownVariables('Hi {{name}}, your {{plan}} ends {{renewsOn}}', new Set(['plan']))).toEqual(['renewsOn']);
    expect(unknownVariables('Hi {{name}} ({{email}})', new Set())).toEqual([]);
  });

  it('refuses syntax errors, helpers, partials and nested paths clearly', () => {
    expect(() => unknownVariables('Hi {{name', new Set())).toThrow(CampaignTemplateError);
    expect(() => unknownVariables('{{#each items}}x{{/each}}', new Set())).toThrow(/only \{\{#if\}\} and \{\{#unless\}\}/);
    expect(() => unknownVariables('{{> footer}}', new Set())).toThrow(/partials/);
    expect(() => unknownVariables('{{lookup a b}}', new Set())).toThrow(/unsupported helper/);
    expect(() => unknownVariables('{{#if}}x{{/if}}', new Set())).toThrow(/takes one contact attribute/);
    expect(() => unknownVariables('{{if name}}', new Set())).toThrow(/takes one contact attribute/);
    expect(() => unknownVariables('{{contact.__proto__}}', new Set())).toThrow(/not a contact attribute/);
    expect(() => unknownVariables('   ', new Set())).toThrow(/empty/);
  });
});
