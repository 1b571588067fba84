import type { SqlDatabase } from '@parley/persistence';
import { FakeBotConnector, FakeSlack, type FakeSlackMessage } from '@parley/testing';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { BotFrameworkUser } from './support/bot-framework-user';
import { SLACK_SECRET, SlackPeer, cardText } from './support/slack-peer';

const { textOf } = BotFrameworkUser;

describe('Bot Framework user handed to a rep in Slack', () => {
  const connector = new FakeBotConnector();
  const slack = new FakeSlack();
  let running: RunningApp;
  const rep = new SlackPeer(() => running.url);

  beforeAll(async () => {
    await Promise.all([connector.start(), slack.start()]);
    running = await startApp({
      ENTRY_FLOW: 'b2b-lead-qualification',
      BOTFRAMEWORK_ALLOW_UNAUTHENTICATED: 'true',
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: slack.url,
      SLACK_SALES_CHANNEL: 'C_SALES',
      JOBS_POLL_MS: '50',
    });
  });
  afterAll(async () => {
    await running?.close();
    await Promise.all([connector.stop(), slack.stop()]);
  });

  it("reaches the user with the rep's thread replies through the stored conversation reference, and mirrors the user's messages", async () => {
    const jo = new BotFrameworkUser(() => running.url, connector, { userName: 'Jo' });
    await jo.join();
    await jo.repliesTo(undefined, 2);
    const name = await jo.say('Jo');
    await jo.repliesTo(name.activityId, 1);
    const ask = await jo.say('can I just speak with someone?');
    const [connecting] = await jo.repliesTo(ask.activityId, 1);
    expect(textOf(connecting)).toBe("Sure, I'm connecting you with someone from our team now.");

    const sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    const { id: conversationId } = (await sql.get<{ id: string }>(`SELECT id FROM conversations WHERE channel = 'botframework' AND address = ?`, [jo.address]))!;
    const card: FakeSlackMessage = await slack.waitFor(() => [...slack.messages.values()].find((m) => !m.threadTs && cardText(m).includes(conversationId)));
    expect(cardText(card)).toContain('botframework');

    await rep.press('handoff_claim', conversationId, 'U_CARA');
    const joining = await connector.waitFor(() => jo.messages().find((d) => /is joining/.test(textOf(d))));
    expect(joining).toMatchObject({ conversationId: jo.conversationId, replyToId: ask.activityId });

    const question = await jo.say('Can I pay by invoice?');
    expect(question.status).toBe(200);
    await slack.waitFor(() => slack.thread(card.ts).find((m) => m.text.includes('Can I pay by invoice?')));

    await rep.replyInThread(card, 'EvBf1', 'Yes, annual plans can be invoiced.', 'U_CARA');
    const answer = await connector.waitFor(() => jo.messages().find((d) => textOf(d) === 'Yes, annual plans can be invoiced.'));
    expect(answer).toMatchObject({ conversationId: jo.conversationId, replyToId: question.activityId });
    expect(answer.activity).toMatchObject({ type: 'message', recipient: { id: jo.userId }, conversation: { id: jo.conversationId } });
    // The bot stays quiet while a person owns the conversation: the question got no bot answer.
    expect(jo.messages().filter((d) => d.replyToId === question.activityId).map(textOf)).toEqual(['Yes, annual plans can be invoiced.']);
  }, 30_000);
});
