import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const root = join(__dirname, '../../../..');
const fixtures = 'flows/tests/fixtures';
let dir: string;
let cli: string;

/** The real command in a real process: bundled once, so its exit code and stderr are what a user sees. */
function parley(...args: string[]) {
  const run = spawnSync(process.execPath, [cli, 'flows', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_PATH: join(root, 'node_modules') } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parley-cli-'));
  cli = join(dir, 'parley.js');
  buildSync({
    stdin: {
      contents: "const { Command } = require('commander'); const p = new Command('parley'); require('./apps/cli/src/commands/flows.command').registerFlowsCommands(p); p.parseAsync(process.argv);",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true, platform: 'node', packages: 'external', outfile: cli, logLevel: 'silent',
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parley flows', () => {
  it('validate prints file:line:col for every problem of a broken flow and exits 1', () => {
    const { status, stderr } = parley('validate', fixtures);
    expect(status).toBe(1);
    expect(stderr.split('\n')).toEqual(expect.arrayContaining([
      `${fixtures}/broken-graph.flow.yaml:8:5: [greet] bad template variable "name" (use contact.<attribute>, entities.<type>, segment, segments, channel, locale, score)`,
      `${fixtures}/broken-graph.flow.yaml:9:5: [greet] unknown node reference "ask_emial"`,
      `${fixtures}/broken-graph.flow.yaml:10:3: [ask_email] unreachable node: nothing leads here`,
      `${fixtures}/broken-graph.flow.yaml:16:3: [loop_a] cycle without an ask/wait node: loop_a → loop_b → loop_a`,
      `${fixtures}/broken-schema.flow.yaml:6:3: [route] nodes.route.else: missing else: a branch needs an \`else\` target`,
      `${fixtures}/broken-schema.flow.yaml:12:5: [shout] nodes.shout.type: unknown node type "yell" (one of say, ask, branch, set, score, consent, handoff, followup, goto, split, wait, end)`,
      `${fixtures}/broken-schema.flow.yaml:15:5: [done] nodes.done.colour: unknown field "colour"`,
      '2 flow file(s) invalid',
    ]));
  });

  it('validate exits 0 on the shipped flows', () => {
    const { status, stdout } = parley('validate');
    expect({ status, stdout }).toMatchObject({ status: 0, stdout: expect.stringContaining('ok   flows/lead-qualification.flow.yaml') });
  });

  it('diff shows what changed between two files, and against git HEAD', () => {
    const before = join(dir, 'before.flow.yaml');
    const after = join(dir, 'after.flow.yaml');
    writeFileSync(before, 'schema: 1\nid: demo\nstart: hi\nnodes:\n  hi: { type: say, text: Hello }\n');
    writeFileSync(after, 'schema: 2\nid: demo\nstart: hi\nnodes:\n  hi: { type: say, text: Hi there, next: bye }\n  bye: { type: end }\n');
    const changed = parley('diff', before, after);
    expect(changed.status).toBe(0);
    expect(changed.stdout.split('\n').slice(1)).toEqual(['~ nodes.hi.text: "Hello" → "Hi there"', '+ nodes.hi.next: "bye"', '+ nodes.bye: (end node)', '']);
    const head = parley('diff', 'flows/lead-qualification.flow.yaml');
    expect(head.stdout).toMatch(/^lead-qualification: (\w+) → \w+\n/);
  });

  it('test runs transcripts and prints a pass/fail table', () => {
    const { status, stdout } = parley('test', 'flows/tests/lead-qualification-enterprise.yaml');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^RESULT {2}TRANSCRIPT +TURNS +TIME\nPASS {4}lead-qualification-enterprise +4 +\d+ ms\n\n1 passed, 0 failed, 1 total\n$/);
  });
});
