import { SqlApiKeys, type SqlDatabase } from '@parley/persistence';
import { FakeSlack, FakeWebhookReceiver } from '@parley/testing';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { ChatClient } from './support/chat-client';
import { ManualClock } from './support/manual-clock';

const SECRET = 'crm-webhook-secret';

jest.setTimeout(40_000);

interface ScoreView {
  total: number;
  lifecycle: string;
  reasons: { ruleId: string; points: number; text: string }[];
  ledger: { ruleId: string; points: number }[];
  segments: string[];
}

describe('lead lifecycle and live segments over web chat', () => {
  let slack: FakeSlack;
  let crm: FakeWebhookReceiver;
  let running: RunningApp;
  let visitor: ChatClient;
  let key: string;
  const clock = new ManualClock();

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${running.url}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...init.headers } });
  const score = async (contactId: string): Promise<ScoreView> => (await api(`/contacts/${contactId}/score`)).json() as Promise<ScoreView>;
  /** The score job runs right after the reply is delivered; the view may lag the reply by that much. */
  const eventually = async <T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
    const until = Date.now() + 5_000;
    for (;;) {
      const value = await probe();
      if (ok(value) || Date.now() > until) return value;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    slack = new FakeSlack();
    crm = new FakeWebhookReceiver(SECRET);
    await slack.start();
    const crmUrl = await crm.start();
    running = await startApp({
      ENTRY_FLOW: 'b2b-lead-qualification',
      SLACK_SIGNING_SECRET: 'slack-secret',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: slack.url,
      SLACK_SALES_CHANNEL: 'C_SALES',
      CRM_WEBHOOK_URL: crmUrl,
      CRM_WEBHOOK_SECRET: SECRET,
      JOBS_POLL_MS: '30',
    }, { clock });
    const db = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    key = (await new SqlApiKeys(db).create('marketer', 'marketer', new Date())).key;
    const created = await api('/segments', { method: 'POST', body: JSON.stringify({ id: 'enterprise', name: 'Enterprise accounts', filter: { attribute: 'companySize', equals: 'enterprise' } }) });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    visitor?.close();
    await running?.close();
    await slack?.stop();
    await crm?.stop();
  });

  it('moves a visitor lead -> MQL -> SQL by their answers, shows the enterprise variant one message after the size answer, and hands off once', async () => {
    visitor = new ChatClient(running.url);
    const { conversationId } = await visitor.hello();
    const db = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
    const contactId = (await db.get<{ contact_id: string }>('SELECT contact_id FROM conversations WHERE id = ?', [conversationId]))!.contact_id;

    await visitor.nextText(/what's your name/i);
    await visitor.send('Dana Reyes');
    await visitor.nextText(/work email/i);
    await visitor.send('dana@globex.com');
    await visitor.nextText(/how many people/i);
    await visitor.send('1000+');
    await visitor.nextText(/help with most/i);
    const lead = await eventually(() => score(contactId), (s) => s.lifecycle === 'lead');
    expect(lead).toMatchObject({ lifecycle: 'lead', total: 30, segments: ['enterprise'] });
    expect(lead.reasons.map((r) => r.text)).toEqual(['+25 company size 1000+', '+5 gave a work email']);

    await visitor.send('Qualify and route leads');
    // the segment joined on the size answer is live for the next message's variant
    await visitor.nextText(/at enterprise scale it is often IT or a buying committee/i);
    await visitor.send('I decide');
    await visitor.nextText(/when are you hoping/i);
    const mql = await eventually(() => score(contactId), (s) => s.lifecycle === 'mql');
    expect(mql).toMatchObject({ lifecycle: 'mql', total: 60 });

    await visitor.send('this quarter');
    await visitor.nextText(/budget/i);
    const sql = await eventually(() => score(contactId), (s) => s.lifecycle === 'sql');
    expect(sql).toMatchObject({ lifecycle: 'sql', total: 80 });
    expect(sql.reasons.map((r) => r.ruleId)).toEqual(['size_enterprise', 'bant_authority', 'bant_timeline', 'bant_need', 'gave_work_email']);

    await visitor.send('yes');
    await visitor.nextText(/book a 30-minute demo/i);
    await visitor.send('no');
    await visitor.nextText(/case studies/i);
    expect((await eventually(() => score(contactId), (s) => s.total === 100)).lifecycle).toBe('sql');

    // the SQL card waits two minutes (flows/scoring.yaml onSql.handoffAfter) in case the flow hands off itself
    await crm.waitForAccepted(1);
    expect([...slack.messages.values()]).toHaveLength(0);
    clock.advanceMinutes(3);
    const card = await slack.waitFor(() => [...slack.messages.values()].find((m) => !m.threadTs && m.channel === 'C_SALES'));
    expect(JSON.stringify(card.blocks)).toContain('Dana Reyes');
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a second card or push, which must not come
    expect([...slack.messages.values()].filter((m) => !m.threadTs)).toHaveLength(1);
    expect(crm.effects).toBe(1);
    expect(crm.requests[0]).toMatchObject({ signatureValid: true, body: { type: 'crm.push', payload: { contactId, data: { stage: 'sql' } } } });
  });
});
