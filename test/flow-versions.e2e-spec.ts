import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChatClient } from './support/chat-client';
import { startApp, type RunningApp } from './support/app';

const FLOW = 'lead-qualification.flow.yaml';

async function greetingOfNewVisitor(url: string): Promise<string> {
  const visitor = new ChatClient(url);
  try {
    await visitor.hello();
    return (await visitor.next()).text;
  } finally {
    visitor.close();
  }
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('flow versions while conversations run', () => {
  let flowsDir: string;
  let running: RunningApp;

  beforeAll(async () => {
    flowsDir = mkdtempSync(join(tmpdir(), 'parley-flows-'));
    copyFileSync(join(__dirname, '../flows', FLOW), join(flowsDir, FLOW));
    running = await startApp({ FLOWS_DIR: flowsDir });
  });
  afterAll(async () => {
    await running?.close();
    rmSync(flowsDir, { recursive: true, force: true });
  });

  it('finishes a conversation on the version it started on, starts new ones on the newest, and never serves a broken file', async () => {
    const early = new ChatClient(running.url);
    await early.hello();
    await early.nextText(/^Hi! I'm Parley/);
    await early.send('Early Bird');
    await early.nextText(/What's your work email\?/);

    const v1 = readFileSync(join(flowsDir, FLOW), 'utf8');
    const v2 = v1
      .replace("Hi! I'm Parley, the assistant here.", 'Hello from version two!')
      .replace('How many people work at your company?', 'V2: how big is your team?');
    writeFileSync(join(flowsDir, FLOW), v2);
    await eventually(async () => (await greetingOfNewVisitor(running.url)).startsWith('Hello from version two!'));

    await early.send('early@bird.io');
    const question = await early.nextText(/people|team/);
    expect(question.text).toBe('How many people work at your company?');

    const late = new ChatClient(running.url);
    await late.hello();
    await late.nextText(/^Hello from version two!/);
    await late.nextText(/what's your name/i);
    await late.send('Late Comer');
    await late.nextText(/work email/);
    await late.send('late@comer.io');
    expect((await late.nextText(/people|team/)).text).toBe('V2: how big is your team?');

    writeFileSync(join(flowsDir, FLOW), `${v2}\n  broken: [unclosed\n`);
    await new Promise((r) => setTimeout(r, 600));
    expect(await greetingOfNewVisitor(running.url)).toMatch(/^Hello from version two!/);
    early.close();
    late.close();
  });
});
