import { formatFlowError, parseFlow } from './flow-loader';

const errorsOf = (source: string) => {
  const loaded = parseFlow(source, 'broken.flow.yaml');
  if (loaded.ok) throw new Error('expected errors');
  return loaded.errors.map(formatFlowError);
};

describe('parseFlow', () => {
  it('loads schema 1 flows through the migration and schema 2 flows as they are', () => {
    const v1 = parseFlow('schema: 1\nid: a\nstart: s\nnodes:\n  s: { type: say, text: hi }\n', 'a.flow.yaml');
    expect(v1).toMatchObject({ ok: true, sourceSchema: 1, flow: { schema: 2, locale: 'en', timezone: 'UTC' } });
    const v2 = parseFlow('schema: 2\nid: a\nstart: s\nnodes:\n  s: { type: wait, timeout: 1h, next: s, onTimeout: s }\n', 'a.flow.yaml');
    expect(v2).toMatchObject({ ok: true, sourceSchema: 2 });
  });

  it('keeps schema 1 strict: new node types need schema 2', () => {
    expect(errorsOf('schema: 1\nid: a\nstart: s\nnodes:\n  s: { type: end }\n  t: { type: handoff, queue: sales }\n')).toEqual([
      'broken.flow.yaml:6:8: [t] nodes.t.type: node type "handoff" needs `schema: 2`',
    ]);
    expect(errorsOf('schema: 7\nid: a\n')).toEqual(['broken.flow.yaml:1:1: schema: unsupported schema 7 (this Parley reads schema 1 and 2)']);
  });

  it('points at the line and column of each problem', () => {
    const source = [
      'schema: 2', //                                                   1
      'id: broken', //                                                  2
      'start: greet', //                                                3
      'nodes:', //                                                      4
      '  greet:', //                                                    5
      '    type: say', //                                               6
      '    text: "Hi {{name}}"', //                                     7
      '    next: ask_nmae', //                                          8
      '  route:', //                                                    9
      '    type: branch', //                                           10
      '    cases: [{ when: { intent: x }, next: greet }]', //          11
      '  orphan: { type: say, text: lonely, next: loop }', //          12
      '  loop: { type: goto, next: orphan }', //                       13
      '  odd: { type: sing }', //                                      14
      '  extra: { type: end, colour: red }', //                        15
    ].join('\n');
    expect(errorsOf(source)).toEqual([
      'broken.flow.yaml:9:3: [route] nodes.route.else: missing else: a branch needs an `else` target',
      expect.stringMatching(/^broken\.flow\.yaml:14:10: \[odd\] nodes\.odd\.type: unknown node type "sing"/),
      'broken.flow.yaml:15:23: [extra] nodes.extra.colour: unknown field "colour"',
    ]);
    const fixed = source.replace('  odd: { type: sing }', '  odd: { type: end }').replace(', colour: red', '').replace("cases: [{ when: { intent: x }, next: greet }]", "cases: [{ when: { intent: x }, next: greet }]\n    else: greet");
    expect(errorsOf(fixed)).toEqual([
      expect.stringMatching(/^broken\.flow\.yaml:7:5: \[greet\] bad template variable "name"/),
      'broken.flow.yaml:8:5: [greet] unknown node reference "ask_nmae"',
      'broken.flow.yaml:9:3: [route] unreachable node: nothing leads here',
      'broken.flow.yaml:13:3: [orphan] unreachable node: nothing leads here',
      'broken.flow.yaml:13:3: [orphan] cycle without an ask/wait node: orphan → loop → orphan',
      'broken.flow.yaml:14:3: [loop] unreachable node: nothing leads here',
      'broken.flow.yaml:15:3: [odd] unreachable node: nothing leads here',
      'broken.flow.yaml:16:3: [extra] unreachable node: nothing leads here',
    ]);
  });

  it('does not take inherited names for nodes', () => {
    expect(errorsOf('schema: 2\nid: a\nstart: s\nnodes:\n  s: { type: say, text: hi, next: constructor }\n')).toEqual([
      'broken.flow.yaml:5:29: [s] unknown node reference "constructor"',
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(errorsOf('schema: 2\nid: [oops\n')[0]).toMatch(/^broken\.flow\.yaml:\d+:\d+: /);
  });

  it('checks content: split sums, choice options, locales, disclosures, gotos', () => {
    const source = `schema: 2
id: content
locale: en
start: s
nodes:
  s:
    type: split
    arms: [{ name: a, percent: 50, next: q }, { name: a, percent: 40, next: c }]
  q: { type: ask, text: { de: "Frage?" }, attribute: x, validate: choice, next: c }
  c:
    type: consent
    purpose: sms
    disclosure: { version: "1", text: "Hi {{contact.name}}, reply YES" }
    yes: g
    no: g
  g: { type: goto, next: s, flow: other }
`;
    expect(errorsOf(source)).toEqual([
      'broken.flow.yaml:8:5: [s] split percentages add up to 90, not 100',
      'broken.flow.yaml:8:49: [s] duplicate arm "a"',
      'broken.flow.yaml:9:3: [q] a choice question needs options',
      'broken.flow.yaml:9:19: [q] missing text for the flow\'s default locale "en"',
      'broken.flow.yaml:13:33: [c] a consent disclosure is exact text: no templates',
      'broken.flow.yaml:16:3: [g] a goto needs exactly one of `next` (a node) or `flow`',
    ]);
  });

  it('checks flow references against the other flows', () => {
    const source = 'schema: 2\nid: a\nstart: g\nnodes:\n  g: { type: goto, flow: b, node: nowhere }\n';
    const b = parseFlow('schema: 2\nid: b\nstart: s\nnodes:\n  s: { type: end }\n', 'b.flow.yaml');
    if (!b.ok) throw new Error('b is valid');
    expect(parseFlow(source, 'a.flow.yaml')).toMatchObject({ ok: true });
    const checked = parseFlow(source, 'a.flow.yaml', { otherFlows: new Map([['b', b.flow]]) });
    expect(checked.ok ? [] : checked.errors.map(formatFlowError)).toEqual(['a.flow.yaml:5:29: [g] flow "b" has no node "nowhere"']);
    const missing = parseFlow(source, 'a.flow.yaml', { otherFlows: new Map() });
    expect(missing.ok ? [] : missing.errors.map(formatFlowError)).toEqual(['a.flow.yaml:5:20: [g] unknown flow "b"']);
  });
});
