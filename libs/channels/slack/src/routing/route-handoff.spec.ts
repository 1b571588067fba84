import { join } from 'node:path';
import { routeHandoff, segmentsOf } from './route-handoff';
import { loadSlackRouting, parseSlackRouting } from './slack-routing';

describe('Slack routing rules', () => {
  const routing = parseSlackRouting(`
rules:
  - name: enterprise
    when: { segment: enterprise }
    channel: C_ENT
  - name: EMEA
    when: { country: [DE, FR, GB] }
    channel: C_EMEA
  - when: { region: emea, attributes: { companySize: [smb, midmarket] } }
    channel: C_EMEA_SMB
  - name: Ana's accounts
    when: { owner: U_ANA }
    channel: C_ANA
  - when: { queue: support }
    channel: C_SUPPORT
escalation: C_ESC
`);
  const route = (attributes: Record<string, unknown>, queue?: string) => routeHandoff(routing, { attributes, segments: segmentsOf(attributes), queue }, 'C_SALES');

  it('takes the first rule whose conditions all hold, case-insensitively, and falls back to the sales channel', () => {
    expect(route({ segments: ['Enterprise'], country: 'DE' })).toEqual({ channel: 'C_ENT', rule: 'enterprise' });
    expect(route({ country: 'fr' })).toEqual({ channel: 'C_EMEA', rule: 'EMEA' });
    expect(route({ region: 'EMEA', companySize: 'midmarket' })).toEqual({ channel: 'C_EMEA_SMB', rule: 'rule 3' });
    expect(route({ region: 'EMEA', companySize: 'enterprise' })).toEqual({ channel: 'C_SALES' });
    expect(route({ owner: 'U_ANA', country: 'US' })).toEqual({ channel: 'C_ANA', rule: "Ana's accounts" });
    expect(route({}, 'support')).toEqual({ channel: 'C_SUPPORT', rule: 'rule 5' });
    expect(route({ country: 'US' })).toEqual({ channel: 'C_SALES' });
  });

  it('reads segments from the segments list, the segment attribute and live memberships', () => {
    expect(segmentsOf({ segments: ['a', 'b', 3], segment: 'c' }, ['b', 'd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(routeHandoff(routing, { attributes: {}, segments: ['enterprise'] }, 'C_SALES').channel).toBe('C_ENT');
  });

  it('names every problem of a bad file', () => {
    expect(() => parseSlackRouting('rules:\n  - when: {}\n    channel: C1\n  - when: { colour: red }\n    channel: C2\n', 'r.yaml')).toThrow(
      /r\.yaml: invalid Slack routing rules\n {2}rules\.0\.when: a rule needs at least one condition\n {2}rules\.1\.when: Unrecognized key: "colour"/,
    );
    expect(() => parseSlackRouting('rules: [', 'r.yaml')).toThrow(/r\.yaml: invalid Slack routing rules/);
    expect(() => loadSlackRouting('/nonexistent/routing.yaml')).toThrow(/cannot read the file/);
  });

  it('accepts the example file shipped in flows/', () => {
    const shipped = loadSlackRouting(join(__dirname, '../../../../../flows/slack-routing.yaml'));
    expect(routeHandoff(shipped, { attributes: { country: 'de' }, segments: [] }, 'C_SALES').channel).toBe('#sales-emea');
  });
});
