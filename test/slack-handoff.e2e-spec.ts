import { SqlApiKeys, type SqlDatabase } from '@parley/persistence';
import { FakeBotConnector, FakeSlack, FakeTwilio, type FakeSlackMessage } from '@parley/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { answerInTurn, qualifiedEnterpriseAnswers } from './support/b2b-lead';
import { BotFrameworkUser } from './support/bot-framework-user';
import { ChatClient, type ChatMessage } from './support/chat-client';
import { SLACK_SECRET, SlackPeer, cardText } from './support/slack-peer';
import { SmsPeer, TWILIO, randomPhone } from './support/sms-peer';

jest.setTimeout(30_000);

const ROUTING = `
rules:
  - name: enterprise
    when: { segment: enterprise }
    channel: C_ENTERPRISE
  - name: enterprise by size
    when: { attributes: { companySize: enterprise } }
    channel: C_ENTERPRISE
  - name: EMEA
    when: { region: EMEA }
    channel: C_EMEA
`;

describe('Slack sales handoff desk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-slack-'));
  const twilio = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  const connector = new FakeBotConnector();
  let slack: FakeSlack;
  let running: RunningApp;
  let visitor: ChatClient;
  /** The instance Slack calls: the shared app, or the restarted one. */
  let slackTarget = '';
  let apiKey = '';
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${running.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...init.headers } });
  const rep = new SlackPeer(() => slackTarget);
  const sms = new SmsPeer(() => running.url, twilio);

  const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
  const fromBotAfter = (count: number) => visitor.received.slice(count).filter((m: ChatMessage) => m.from === 'bot');
  const cardOf = (conversationId: string) => slack.waitFor(() => [...slack.messages.values()].find((m) => !m.threadTs && cardText(m).includes(conversationId)));
  const updates = () => slack.calls.filter((c) => c.method === 'chat.update');

  const slackEnv = () => ({
    ENTRY_FLOW: 'b2b-lead-qualification',
    SLACK_SIGNING_SECRET: SLACK_SECRET,
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: slack.url,
    SLACK_SALES_CHANNEL: 'C_SALES',
    SLACK_QUEUE_CHANNELS: 'enterprise:C_ENTERPRISE',
    SLACK_ROUTING: join(dir, 'slack-routing.yaml'),
    TWILIO_ACCOUNT_SID: TWILIO.accountSid,
    TWILIO_AUTH_TOKEN: TWILIO.authToken,
    TWILIO_FROM: TWILIO.ourNumber,
    TWILIO_API_URL: twilio.url,
    PUBLIC_BASE_URL: TWILIO.publicBaseUrl,
    // Bot Framework in emulator mode: the fake Connector receives the bot's replies.
    BOTFRAMEWORK_ALLOW_UNAUTHENTICATED: 'true',
    JOBS_POLL_MS: '50',
  });

  beforeAll(async () => {
    writeFileSync(join(dir, 'slack-routing.yaml'), ROUTING);
    slack = new FakeSlack();
    await slack.start();
    await twilio.start();
    await connector.start();
    running = await startApp(slackEnv());
    twilio.routeCallbacksTo(running.url);
    slackTarget = running.url;
    // A live segment (the scoring lib keeps its membership current): the first routing rule matches on it.
    apiKey = (await new SqlApiKeys(running.app.get<{ sql: SqlDatabase }>(DATABASE).sql).create('marketer', 'marketer', new Date())).key;
    const segment = await api('/segments', { method: 'POST', body: JSON.stringify({ id: 'enterprise', name: 'Enterprise accounts', filter: { attribute: 'companySize', equals: 'enterprise' } }) });
    expect(segment.status).toBe(201);
  });
  afterAll(async () => {
    visitor?.close();
    await running?.close();
    await slack?.stop();
    await twilio.stop();
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('routes a qualified web chat lead with its score reasons, lets one of two racing reps claim it, mirrors the thread both ways and hands back to the bot', async () => {
    visitor = new ChatClient(running.url);
    const { conversationId, visitorId } = await visitor.hello();
    await answerInTurn(visitor, qualifiedEnterpriseAnswers('Dana Reyes', 'dana@acme.io'));
    await visitor.nextText(/sales team/i);

    const card = await cardOf(conversationId);
    expect(card.channel).toBe('C_ENTERPRISE');
    expect(slack.calls[0]).toMatchObject({ method: 'chat.postMessage', token: 'xoxb-test' });
    const shown = cardText(card);
    for (const fact of ['Dana Reyes', 'dana@acme.io', 'webchat', '*Segment*\\nenterprise', 'via enterprise', 'Demo request']) expect(shown).toContain(fact);
    // The score and its three largest reasons, as the contact's score ledger explains them (flows/scoring.yaml).
    const sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    const { contact_id: contactId } = (await sql.get<{ contact_id: string }>('SELECT contact_id FROM conversations WHERE id = ?', [conversationId]))!;
    const ledger = (await (await api(`/contacts/${contactId}/score`)).json()) as { total: number; reasons: { text: string }[] };
    expect(ledger.reasons.map((r) => r.text)).toContain('+30 booked a demo');
    expect(shown).toContain(JSON.stringify(`*Score*\n${Math.round(ledger.total)}\n${ledger.reasons.slice(0, 3).map((r) => r.text).join('\n')}`).slice(1, -1));
    expect(shown).toMatch(/"Claim".*"users_select".*"Snooze".*"Not a fit"/);

    const oversized = await rep.post(JSON.stringify({ type: 'event_callback', filler: 'x'.repeat(1024 * 1024) }), 'application/json');
    expect(oversized.status).toBe(413);
    const forgedClaim = await rep.press('handoff_claim', conversationId, 'U_MALLORY', { secret: 'not-the-secret' });
    expect(forgedClaim.status).toBe(401);
    const staleClaim = await rep.press('handoff_claim', conversationId, 'U_MALLORY', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(staleClaim.status).toBe(401);
    await settle();
    expect(updates()).toHaveLength(0);

    // Slack is slow to answer: both presses are still acknowledged at once, and the work follows.
    slack.hold();
    const started = Date.now();
    const claims = await Promise.all([rep.press('handoff_claim', conversationId, 'U_ANA'), rep.press('handoff_claim', conversationId, 'U_BEN')]);
    expect(claims.map((r) => r.status)).toEqual([200, 200]);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(updates()).toHaveLength(0);
    slack.release();
    await slack.waitFor(() => (cardText(card).includes('Claimed by') && slack.ephemeral.length === 1 ? true : undefined));
    const winner = cardText(card).includes('<@U_ANA>') ? 'U_ANA' : 'U_BEN';
    const loser = winner === 'U_ANA' ? 'U_BEN' : 'U_ANA';
    expect(slack.ephemeral).toEqual([{ channel: 'C_ENTERPRISE', user: loser, text: `Too late for that: it was claimed by <@${winner}>.` }]);
    expect(updates()).toHaveLength(1);
    expect(cardText(card)).toContain(`Claimed by <@${winner}>`);
    expect(cardText(card)).toMatch(/"Hand back to bot".*"Resolve"/);
    expect(cardText(card)).not.toContain('"Claim"');

    const joining = await visitor.nextText(/is joining/);
    expect(joining.from).toBe('agent');

    const seen = visitor.received.length;
    await visitor.send('Do you support SSO?');
    const mirrored = await slack.waitFor(() => slack.thread(card.ts).find((m) => m.text.includes('Do you support SSO?')));
    expect(mirrored.channel).toBe('C_ENTERPRISE');
    await settle();
    expect(fromBotAfter(seen)).toEqual([]);

    const replied = await rep.replyInThread(card, 'Ev1', 'Yes: SAML and OIDC.', winner);
    expect(replied.status).toBe(200);
    const answer = await visitor.nextText(/SAML and OIDC/);
    expect(answer.from).toBe('agent');
    // Slack retries an event it thinks we missed (same event_id): the customer gets the reply once.
    const retried = await rep.replyInThread(card, 'Ev1', 'Yes: SAML and OIDC.', winner, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retried.status).toBe(200);

    // Two quick replies (each acknowledged before its work) reach the visitor in the order the rep wrote them.
    await rep.replyInThread(card, 'Ev1a', 'First, SSO is in every plan.', winner);
    await rep.replyInThread(card, 'Ev1b', 'Second, SCIM comes with Enterprise.', winner);
    await visitor.nextText(/SCIM/);
    expect(visitor.received.filter((m) => m.from === 'agent').map((m) => m.text).slice(-2)).toEqual(['First, SSO is in every plan.', 'Second, SCIM comes with Enterprise.']);

    const forgedReply = await rep.replyInThread(card, 'Ev2', 'Send me your password', winner, { secret: 'not-the-secret' });
    expect(forgedReply.status).toBe(401);
    const staleReply = await rep.replyInThread(card, 'Ev3', 'Send me your password', winner, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(staleReply.status).toBe(401);
    const forgedRelease = await rep.press('handoff_release', conversationId, winner, { secret: 'not-the-secret' });
    expect(forgedRelease.status).toBe(401);
    await settle();
    expect(visitor.received.filter((m) => /SAML and OIDC/.test(m.text))).toHaveLength(1);
    expect(visitor.received.some((m) => /password/.test(m.text))).toBe(false);
    expect(cardText(card)).toContain(`Claimed by <@${winner}>`);

    expect((await rep.press('handoff_release', conversationId, winner)).status).toBe(200);
    await slack.waitFor(() => (cardText(card).includes(`Handed back to the bot by <@${winner}>`) ? true : undefined));
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
    expect(history.filter((m) => m.from === 'agent').map((m) => m.text)).toEqual([joining.text, 'Yes: SAML and OIDC.', 'First, SSO is in every plan.', 'Second, SCIM comes with Enterprise.']);
  });

  it('hands an SMS conversation to a rep, whose thread replies reach the phone through Twilio', async () => {
    const phone = randomPhone();
    const text = (body: string, replies: number) => sms.text(phone, body, replies);
    await text('Hi', 2);
    expect((await text('talk to sales please', 1)).map((m) => m.body)).toEqual([expect.stringMatching(/connecting you/i)]);
    const card: FakeSlackMessage = await slack.waitFor(() => [...slack.messages.values()].find((m) => !m.threadTs && m.text.includes('on sms') && cardText(m).includes(phone)));
    expect(card.channel).toBe('C_SALES');
    const conversationId = /handoff:([\w-]+)/.exec(cardText(card))![1];

    const before = twilio.sentTo(phone).length;
    await rep.press('handoff_claim', conversationId, 'U_CARA');
    await sms.waitFor(() => twilio.sentTo(phone).length > before);
    expect(twilio.sentTo(phone).at(-1)!.body).toMatch(/is joining/);

    await sms.post('/webhooks/twilio/sms', sms.inbound(phone, 'Can I pay by invoice?'));
    await slack.waitFor(() => slack.thread(card.ts).find((m) => m.text.includes('Can I pay by invoice?')));
    expect(twilio.sentTo(phone)).toHaveLength(before + 1);

    await rep.replyInThread(card, 'EvSms1', 'Yes, annual plans can be invoiced.', 'U_CARA');
    await sms.waitFor(() => twilio.sentTo(phone).some((m) => m.body === 'Yes, annual plans can be invoiced.'));
    expect(twilio.sentTo(phone).at(-1)).toMatchObject({ from: TWILIO.ourNumber, to: phone });

    // After STOP, nothing a rep writes reaches the phone; the rep is told so in the thread.
    expect((await text('STOP', 1))[0].body).toMatch(/unsubscribed|opted out|no more/i);
    const afterStop = twilio.sentTo(phone).length;
    await rep.replyInThread(card, 'EvSms2', 'Are you still there?', 'U_CARA');
    const note = await slack.waitFor(() => slack.thread(card.ts).find((m) => m.text.startsWith(':no_entry: Not sent')));
    expect(note.text).toContain('opted out');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(twilio.sentTo(phone)).toHaveLength(afterStop);

    const lead = await rep.slash('U_CARA', `lead ${phone}`);
    expect(lead.status).toBe(200);
    const answer = (await lead.json()) as { response_type: string; blocks: unknown[] };
    expect(answer.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.blocks)).toContain('Claimed by <@U_CARA>');
    expect(JSON.stringify(answer.blocks)).not.toContain('"actions"');
  });

  it('hands a Bot Framework (Teams) conversation to a rep, whose thread replies reach the user through the Connector', async () => {
    const { textOf } = BotFrameworkUser;
    const lee = new BotFrameworkUser(() => running.url, connector);
    await lee.join();
    await lee.repliesTo(undefined, 2);
    const ask = await lee.say('talk to sales please');
    expect((await lee.repliesTo(ask.activityId, 1)).map(textOf)).toEqual([expect.stringMatching(/connecting you/i)]);
    const card: FakeSlackMessage = await slack.waitFor(() => [...slack.messages.values()].find((m) => !m.threadTs && m.text.includes('on botframework')));
    const conversationId = /handoff:([\w-]+)/.exec(cardText(card))![1];

    await rep.press('handoff_claim', conversationId, 'U_DIA');
    await connector.waitFor(() => lee.messages().find((d) => /is joining/.test(textOf(d))));
    await lee.say('We need a SOC 2 report');
    await slack.waitFor(() => slack.thread(card.ts).find((m) => m.text.includes('We need a SOC 2 report')));
    await rep.replyInThread(card, 'EvBf1', 'Sure, I will send it today.', 'U_DIA');
    const delivered = await connector.waitFor(() => lee.messages().find((d) => textOf(d) === 'Sure, I will send it today.'));
    expect(delivered.conversationId).toBe(lee.conversationId);
  });

  it('keeps the card thread across a restart: a claim on the new instance reaches the visitor', async () => {
    const env = { ...slackEnv(), DATABASE_URL: `sqlite:${join(dir, 'restart.sqlite')}` };
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
      const card = await cardOf(conversationId);
      before.close();
      await first.close();
      first = undefined;

      second = await startApp(env);
      slackTarget = second.url;
      const after = new ChatClient(second.url);
      clients.push(after);
      await after.hello({ visitorId });
      expect((await rep.press('handoff_claim', conversationId, 'U_CARA')).status).toBe(200);
      expect((await after.nextText(/is joining/)).from).toBe('agent');
      expect(cardText(card)).toContain('Claimed by <@U_CARA>');
      // A new client numbers its messages from m1 again: a fresh id keeps this one from being taken for a repeat.
      expect(await after.send('still there?', 'after-restart-1')).toMatchObject({ duplicate: false });
      await slack.waitFor(() => slack.thread(card.ts).find((m) => m.text.includes('still there?')));
      expect((await rep.replyInThread(card, 'EvRestart1', 'Yes, still here.', 'U_CARA')).status).toBe(200);
      await after.nextText(/still here/);

      // Slack retries that event after another restart: the event ids taken are in the database, so it is dropped.
      after.close();
      await second.close();
      second = await startApp(env);
      slackTarget = second.url;
      const retried = await rep.replyInThread(card, 'EvRestart1', 'Yes, still here.', 'U_CARA', { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
      expect(retried.status).toBe(200);
      await settle();
      const again = new ChatClient(second.url);
      clients.push(again);
      const { history } = await again.hello({ visitorId });
      expect(history.filter((m) => m.text === 'Yes, still here.')).toHaveLength(1);
    } finally {
      slackTarget = running.url;
      clients.forEach((c) => c.close());
      await first?.close();
      await second?.close();
    }
  });

  it('answers 503 with a reason when Slack is not configured, and refuses a bad routing file at boot', async () => {
    const off = await startApp();
    try {
      const response = await fetch(`${off.url}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'slack_off' });
    } finally {
      await off.close();
    }
    writeFileSync(join(dir, 'bad-routing.yaml'), 'rules:\n  - when: {}\n    channel: C_X\n');
    await expect(startApp({ ...slackEnv(), SLACK_ROUTING: join(dir, 'bad-routing.yaml') })).rejects.toThrow(/rules\.0\.when: a rule needs at least one condition/);
    await expect(startApp({ ...slackEnv(), SLACK_SLA_PING_MINUTES: '20', SLACK_SLA_REROUTE_MINUTES: '10' })).rejects.toThrow(/SLACK_SLA_REROUTE_MINUTES/);
  });
});
