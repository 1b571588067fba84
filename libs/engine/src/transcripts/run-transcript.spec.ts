import { flowSchema } from '@parley/flows';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTranscript } from './load-transcript';
import { runTranscript } from './run-transcript';

const flow = flowSchema.parse({
  schema: 2,
  id: 'mini',
  start: 'ask',
  nodes: {
    ask: { type: 'ask', text: 'Email?', attribute: 'email', validate: 'email', next: 'score' },
    score: { type: 'score', event: 'email_given', points: 5, next: 'bye' },
    bye: { type: 'handoff', queue: 'sales', text: 'Thanks {{contact.email}}' },
  },
});
const flows = [{ flow, version: 'v1' }];
const run = (source: string) => runTranscript(parseTranscript(source, 'mini.yaml'), flows);

describe('runTranscript', () => {
  it('passes a matching transcript and checks actions the engine does not act on yet', async () => {
    const result = await run(`
flow: mini
conversation:
  - bot: Email?
  - user: a@b.io
  - bot: /^Thanks a@b\\.io$/
expect:
  attributes: { email: a@b.io }
  score: { events: [email_given], points: 5 }
  handoff: { queue: sales }
  consent: null
  ended: true
`);
    expect(result).toMatchObject({ passed: true, turns: 1, failures: [] });
  });

  it('reports each difference with the line of the step', async () => {
    const result = await run(`
flow: mini
conversation:
  - bot: Email?
  - user: a@b.io
  - bot: Thanks!
  - bot: And one more
expect:
  attributes: { email: x@y.io }
  handoff: { queue: support }
  ended: false
`);
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      { line: 6, message: 'expected bot "Thanks!"\n      but got "Thanks a@b.io"' },
      { line: 7, message: 'expected bot "And one more", but the bot said nothing more' },
      { line: 7, message: 'attribute email is "a@b.io", expected "x@y.io"' },
      { line: 7, message: 'expected handoff {"queue":"support"}, got {"queue":"sales","priority":"normal"}' },
      { line: 7, message: 'expected the flow to be waiting' },
    ]);
  });

  it('reports bot lines nobody expected, schema errors and unknown flows', async () => {
    expect((await run('flow: mini\nconversation:\n  - user: hi\n')).failures).toEqual([{ line: 3, message: 'the bot also said "Email?"' }]);
    expect((await run('flow: mini\nconversation: []\n')).failures[0]).toMatchObject({ line: 2, message: expect.stringMatching(/^conversation: /) });
    expect((await run('flow: nope\nconversation:\n  - user: hi\n')).failures).toEqual([{ line: 1, message: 'flow "nope" is not loaded (missing or invalid)' }]);
  });

  it('reads the example of docs/flows.md', () => {
    const docs = readFileSync(join(__dirname, '../../../../docs/flows.md'), 'utf8');
    const example = /```yaml\n(name:[\s\S]*?)```/.exec(docs)?.[1] ?? '';
    expect(parseTranscript(example, 'docs/flows.md')).toMatchObject({ errors: [], name: 'sms-optin-double-opt-in' });
  });
});
