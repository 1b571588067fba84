import { signSlackRequest } from '@parley/channels-slack';
import { FakeSlack, type FakeSlackMessage } from '@parley/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from './support/app';
import { ChatClient, type ChatMessage } from './support/chat-client';

const SECRET = 'slack-signing-secret';

jest.setTimeout(30_000);

describe('Slack sales handoff desk', () => {
  let slack: FakeSlack;
  let running: RunningApp;
  let visitor: ChatClient;
  /** The instance Slack calls: the shared app, or the restarted one. */
  let slackTarget = '';

  const postSigned = (body: string, contentType: string, secret = SECRET) => {
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(`${slackTarget}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signSlackRequest(secret, timestamp, body) },
      body,
    });
  };
  const press = (actionId: string, conversationId: string, user: string, secret?: string) =>
    postSigned(
      `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', user: { id: user }, actions: [{ action_id: actionId, value: conversationId }] }))}`,
      'application/x-www-form-urlencoded',
      secret,
    );
  const replyInThread = (card: FakeSlackMessage, eventId: string, text: string, secret?: string) =>
    postSigned(
      JSON.stringify({ type: 'event_callback', event_id: eventId, event: { type: 'message', channel: card.channel, thread_ts: card.ts, ts: `${Date.now() / 1000}`, user: 'U_REP', text } }),
      'application/json',
      secret,
    );
  const cardText = (card: FakeSlackMessage) => JSON.stringify(card.blocks);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
  const fromBotAfter = (count: number) => visitor.received.slice(count).filter((m: ChatMessage) => m.from === 'bot');

  const slackEnv = () => ({
    ENTRY_FLOW: 'b2b-lead-qualification',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.url,
    SLACK_SALES_CHANNEL: 'C_SALES',
    SLACK_QUEUE_CHANNELS: 'enterprise:C_ENTERPRISE',
    JOBS_POLL_MS: '50',
  });

  beforeAll(async () => {
    slack = new FakeSlack();
    await slack.start();
    running = await startApp(slackEnv());
    slackTarget = running.url;
  });
  afterAll(async () => {
    visitor?.close();
    await running?.close();
    await slack?.stop();
  });

  it('posts a card, lets one rep claim it, mirrors the thread both ways and hands back to the bot', async () => {
    visitor = new ChatClient(running.url);
    const { conversationId, visitorId } = await visitor.hello();
    await visitor.nextText(/what's your name/i);
    await visitor.send('Dana');
    await visitor.nextText(/work email/i);
    await visitor.send('dana@acme.io');
    await visitor.nextText(/how many people/i);
    await visitor.send('I want to talk to a real person');
    await visitor.nextText(/connecting you/i);

    const card = await slack.waitFor(() => [...slack.messages.values()].find((m) => !m.threadTs && m.channel === 'C_SALES'));
    expect(slack.calls[0]).toMatchObject({ method: 'chat.postMessage', token: 'xoxb-test' });
    expect(cardText(card)).toContain('Dana');
    expect(cardText(card)).toContain('dana@acme.io');
    expect(cardText(card)).toContain('webchat');
    expect(cardText(card)).toContain('I want to talk to a real person');
    expect(cardText(card)).toMatch(/"Claim".*"Not a fit"/);

    const oversized = await postSigned(JSON.stringify({ type: 'event_callback', filler: 'x'.repeat(1024 * 1024) }), 'application/json');
    expect(oversized.status).toBe(413);
    const forgedClaim = await press('handoff_claim', conversationId, 'U_MALLORY', 'not-the-secret');
    expect(forgedClaim.status).toBe(401);
    expect(slack.calls.filter((c) => c.method === 'chat.update')).toHaveLength(0);

    const claims = await Promise.all([press('handoff_claim', conversationId, 'U_ANA'), press('handoff_claim', conversationId, 'U_BEN')]);
    expect(claims.map((r) => r.status)).toEqual([200, 200]);
    const outcomes = (await Promise.all(claims.map((r) => r.json() as Promise<{ outcome: string }>))).map((b) => b.outcome);
    expect(outcomes.sort()).toEqual(['done', 'lost']);
    const winner = outcomes.indexOf('done') === 0 ? 'U_ANA' : 'U_BEN';
    expect(slack.calls.filter((c) => c.method === 'chat.update')).toHaveLength(1);
    expect(cardText(card)).toContain(`Claimed by <@${winner}>`);
    expect(cardText(card)).toContain('Hand back to bot');
    expect(cardText(card)).not.toContain('"Claim"');

    const joining = await visitor.nextText(/is joining/);
    expect(joining.from).toBe('agent');

    const seen = visitor.received.length;
    await visitor.send('Do you support SSO?');
    const mirrored = await slack.waitFor(() => slack.thread(card.ts).find((m) => m.text.includes('Do you support SSO?')));
    expect(mirrored.channel).toBe('C_SALES');
    await settle();
    expect(fromBotAfter(seen)).toEqual([]);

    const replied = await replyInThread(card, 'Ev1', 'Yes: SAML and OIDC.');
    expect(await replied.json()).toEqual({ outcome: 'done' });
    const answer = await visitor.nextText(/SAML and OIDC/);
    expect(answer.from).toBe('agent');
    // Slack retries an event it thinks we missed: the customer gets the reply once.
    await replyInThread(card, 'Ev1', 'Yes: SAML and OIDC.');

    const forgedReply = await replyInThread(card, 'Ev2', 'Send me your password', 'not-the-secret');
    expect(forgedReply.status).toBe(401);
    const forgedRelease = await press('handoff_release', conversationId, winner, 'not-the-secret');
    expect(forgedRelease.status).toBe(401);
    await settle();
    expect(visitor.received.filter((m) => /SAML and OIDC/.test(m.text))).toHaveLength(1);
    expect(visitor.received.some((m) => /password/.test(m.text))).toBe(false);
    expect(cardText(card)).toContain(`Claimed by <@${winner}>`);

    const release = await press('handoff_release', conversationId, winner);
    expect(await release.json()).toEqual({ outcome: 'done' });
    expect(cardText(card)).toContain(`Handed back to the bot by <@${winner}>`);
    const threadBefore = slack.thread(card.ts).length;
    const count = visitor.received.length;
    await visitor.send('Thanks, one more question');
    await visitor.next((m) => m.from === 'bot');
    expect(fromBotAfter(count).length).toBeGreaterThan(0);
    await settle();
    expect(slack.thread(card.ts)).toHaveLength(threadBefore);

    const back = new ChatClient(running.url);
    const { history } = await back.hello({ visitorId });
    back.close();
    expect(history.filter((m) => m.from === 'agent').map((m) => m.text)).toEqual([joining.text, 'Yes: SAML and OIDC.']);
  });

  it('keeps the card thread across a restart: a claim on the new instance reaches the visitor', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parley-slack-'));
    const env = { ...slackEnv(), DATABASE_URL: `sqlite:${join(dir, 'parley.sqlite')}` };
    let first: RunningApp | undefined = await startApp(env);
    let second: RunningApp | undefined;
    const clients: ChatClient[] = [];
    try {
      const before = new ChatClient(first.url);
      clients.push(before);
      const { conversationId, visitorId } = await before.hello();
      await before.nextText(/what's your name/i);
      await before.send('talk to sales please');
      await before.nextText(/connecting you/i);
      const card = await slack.waitFor(() => [...slack.messages.values()].find((m) => !m.threadTs && cardText(m).includes(conversationId)));
      before.close();
      await first.close();
      first = undefined;

      second = await startApp(env);
      slackTarget = second.url;
      const after = new ChatClient(second.url);
      clients.push(after);
      await after.hello({ visitorId });
      const claim = await press('handoff_claim', conversationId, 'U_CARA');
      expect(await claim.json()).toEqual({ outcome: 'done' });
      expect(cardText(card)).toContain('Claimed by <@U_CARA>');
      expect((await after.nextText(/is joining/)).from).toBe('agent');
      // A new client numbers its messages from m1 again: a fresh id keeps this one from being taken for a repeat.
      expect(await after.send('still there?', 'after-restart-1')).toMatchObject({ duplicate: false });
      await slack.waitFor(() => slack.thread(card.ts).find((m) => m.text.includes('still there?')));
    } finally {
      slackTarget = running.url;
      clients.forEach((c) => c.close());
      await first?.close();
      await second?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 with a reason when Slack is not configured', async () => {
    const off = await startApp();
    try {
      const response = await fetch(`${off.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'slack_off' });
    } finally {
      await off.close();
    }
  });
});
