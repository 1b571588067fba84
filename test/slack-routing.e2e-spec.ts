import { FakeSlack, createTempPostgres, testPostgresUrl, type FakeSlackMessage, type TempDatabase } from '@parley/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from './support/app';
import { ChatClient } from './support/chat-client';
import { ManualClock } from './support/manual-clock';
import { SLACK_SECRET, SlackPeer, cardText } from './support/slack-peer';

jest.setTimeout(30_000);

/**
 * Unclaimed cards: SLA ping and re-route on a clock the test moves (also across a restart), Snooze, Assign to…, /parley, 429.
 * On the PostgreSQL of TEST_DATABASE_URL where it is set (CI), else on a SQLite file.
 */
describe('Slack desk: SLA timers, Snooze, Assign to…, /parley and rate limits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-slack-sla-'));
  const clock = new ManualClock();
  const slack = new FakeSlack();
  const clients: ChatClient[] = [];
  let running: RunningApp | undefined;
  let postgres: TempDatabase | undefined;
  const rep = new SlackPeer(() => running!.url);

  const env = () => ({
    DATABASE_URL: postgres?.url ?? `sqlite:${join(dir, 'parley.sqlite')}`,
    ENTRY_FLOW: 'b2b-lead-qualification',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.url,
    SLACK_SALES_CHANNEL: 'C_SALES',
    SLACK_ESCALATION_CHANNEL: 'C_ESCALATE',
    SLACK_SLA_PING_MINUTES: '5',
    SLACK_SLA_REROUTE_MINUTES: '15',
    SLACK_SNOOZE_MINUTES: '30',
    JOBS_POLL_MS: '50',
  });
  /** Several worker polls: long enough for a due timer to have run. */
  const polls = () => new Promise((resolve) => setTimeout(resolve, 500));
  const cardIn = (channel: string, conversationId: string) =>
    slack.waitFor(() => [...slack.messages.values()].find((m) => !m.threadTs && m.channel === channel && cardText(m).includes(conversationId)));
  const cardsOf = (conversationId: string) => [...slack.messages.values()].filter((m) => !m.threadTs && cardText(m).includes(conversationId));
  const pings = (card: FakeSlackMessage) => slack.thread(card.ts).filter((m) => m.text.includes('Still unclaimed'));

  /** A visitor who gives a name and an email, then asks for a person. */
  async function lead(name: string, email: string): Promise<{ visitor: ChatClient; conversationId: string; visitorId: string }> {
    const visitor = new ChatClient(running!.url);
    clients.push(visitor);
    const { conversationId, visitorId } = await visitor.hello();
    await visitor.nextText(/what's your name/i);
    await visitor.send(name);
    await visitor.nextText(/work email/i);
    await visitor.send(email);
    await visitor.nextText(/how many people/i);
    await visitor.send('I want to talk to a real person');
    await visitor.nextText(/connecting you/i);
    return { visitor, conversationId, visitorId };
  }

  beforeAll(async () => {
    const base = testPostgresUrl();
    if (base) postgres = await createTempPostgres(base);
    await slack.start();
    running = await startApp(env(), { clock });
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await running?.close();
    await slack.stop();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pings an unclaimed card after N minutes and re-routes it after M, with the timers kept across a restart', async () => {
    const { conversationId, visitorId } = await lead('Ines', 'ines@example.org');
    const card = await cardIn('C_SALES', conversationId);

    clock.advanceMinutes(4.9);
    await polls();
    expect(pings(card)).toHaveLength(0);
    clock.advanceMinutes(0.1);
    const ping = await slack.waitFor(() => pings(card)[0]);
    expect(ping).toMatchObject({ channel: 'C_SALES', broadcast: true });
    expect(ping.text).toMatch(/^<!here> Still unclaimed after 5 min: Ines on webchat/);

    // A restart between the ping and the re-route: the re-route timer is a stored job, not a setTimeout.
    clients.forEach((c) => c.close());
    await running!.close();
    running = await startApp(env(), { clock });

    clock.advanceMinutes(9.9);
    await polls();
    expect(cardsOf(conversationId)).toHaveLength(1);
    clock.advanceMinutes(0.1);
    const escalated = await cardIn('C_ESCALATE', conversationId);
    expect(escalated.text).toMatch(/^<!here> Handoff request: Ines on webchat \(unclaimed for 15 min\)/);
    expect(cardText(escalated)).toContain('escalation after 15 min');
    expect(cardText(escalated)).toContain('"Claim"');
    await slack.waitFor(() => (card.text.includes('moved to <#C_ESCALATE>') ? true : undefined));
    expect(cardText(card)).not.toContain('"Claim"');
    expect(pings(card)).toHaveLength(1);

    // The escalated card is the live one now: claiming it reaches the visitor, who reconnects to the new instance.
    const visitor = new ChatClient(running.url);
    clients.push(visitor);
    await visitor.hello({ visitorId });
    await rep.press('handoff_claim', conversationId, 'U_ESCALATION');
    expect((await visitor.nextText(/is joining/)).from).toBe('agent');
    expect(cardText(escalated)).toContain('Claimed by <@U_ESCALATION>');
    await visitor.send('hello again', 'after-restart-1');
    await slack.waitFor(() => slack.thread(escalated.ts).find((m) => m.text.includes('hello again')));
    const posts = slack.calls.filter((c) => c.method === 'chat.postMessage').length;
    clock.advanceMinutes(60);
    await polls();
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(posts);
    expect(pings(escalated)).toHaveLength(0);
  });

  it('Snooze holds the ping until the snooze ends; Assign to… makes the chosen rep the owner and stops the timers', async () => {
    const { visitor, conversationId } = await lead('Bea Nkosi', 'bea@example.org');
    const card = await cardIn('C_SALES', conversationId);

    await rep.press('handoff_snooze', conversationId, 'U_LEAD');
    await slack.waitFor(() => (cardText(card).includes('Snoozed until') ? true : undefined));
    expect(cardText(card)).toContain('"Claim"');
    clock.advanceMinutes(29.9);
    await polls();
    expect(pings(card)).toHaveLength(0);
    clock.advanceMinutes(0.1);
    await slack.waitFor(() => pings(card)[0]);

    await rep.assign(conversationId, 'U_LEAD', 'U_ANA');
    await slack.waitFor(() => (cardText(card).includes('Assigned to <@U_ANA> by <@U_LEAD>') ? true : undefined));
    expect((await visitor.nextText(/is joining/)).from).toBe('agent');
    expect(cardText(card)).toMatch(/"users_select".*"Hand back to bot".*"Resolve"/);
    clock.advanceMinutes(60);
    await polls();
    expect(cardsOf(conversationId)).toHaveLength(1);
    expect(pings(card)).toHaveLength(1);

    await rep.replyInThread(card, 'EvBea1', 'Hi Bea, Ana here.', 'U_ANA');
    expect((await visitor.nextText(/Ana here/)).from).toBe('agent');
    await rep.press('handoff_resolve', conversationId, 'U_ANA');
    await slack.waitFor(() => (cardText(card).includes('Resolved by <@U_ANA>') ? true : undefined));
  });

  it('answers /parley lead and /parley mine privately, and refuses an unsigned command', async () => {
    const { conversationId } = await lead('Cleo', 'cleo@example.org');
    await cardIn('C_SALES', conversationId);
    await rep.press('handoff_claim', conversationId, 'U_CLEO_REP');
    await slack.waitFor(() => [...slack.messages.values()].find((m) => cardText(m).includes(conversationId) && cardText(m).includes('Claimed by <@U_CLEO_REP>')));

    const ask = async (user: string, text: string) => {
      const response = await rep.slash(user, text);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { response_type: string; text: string; blocks?: unknown[] };
      expect(body.response_type).toBe('ephemeral');
      return { text: body.text, blocks: JSON.stringify(body.blocks ?? []) };
    };
    const found = await ask('U_ANYONE', 'lead CLEO@example.org');
    expect(found.blocks).toContain('Cleo');
    expect(found.blocks).toContain('Claimed by <@U_CLEO_REP>');
    expect(found.blocks).toContain('Card and thread in <#C_SALES>');
    expect(found.blocks).not.toContain('"actions"');
    expect((await ask('U_ANYONE', 'lead nobody@example.org')).text).toBe('No lead found for nobody@example.org.');
    expect((await ask('U_ANYONE', 'lead not-a-phone')).text).toMatch(/neither an email address nor a phone number/);
    expect((await ask('U_ANYONE', 'hello')).text).toMatch(/^Usage: `\/parley lead/);

    expect((await ask('U_CLEO_REP', 'mine')).text).toBe('Your open conversations (1):\n• Cleo on webchat (cleo@example.org): thread in <#C_SALES>');
    expect((await ask('U_ANA', 'mine')).text).toBe('You have no open conversations.');
    expect((await ask('U_NOBODY', 'mine')).text).toBe('You have no open conversations.');

    expect((await rep.slash('U_CLEO_REP', 'mine', { secret: 'forged' })).status).toBe(401);
  });

  it('waits out a 429 for its Retry-After and posts the card once', async () => {
    slack.rateLimit('chat.postMessage', 1);
    const { conversationId } = await lead('Dev', 'dev@example.org');
    const card = await cardIn('C_SALES', conversationId);
    expect(slack.rateLimited).toHaveLength(1);
    const posted = slack.calls.filter((c) => c.method === 'chat.postMessage' && JSON.stringify(c.args.blocks ?? []).includes(conversationId));
    expect(posted).toHaveLength(1);
    expect(cardsOf(conversationId)).toEqual([card]);
    expect(posted[0].at - slack.rateLimited[0].at).toBeGreaterThanOrEqual(1_000);
  });
});
