import { verifyConsentChain } from '@parley/consent';
import { consentLedger, type SqlDatabase } from '@parley/persistence';
import { FakeTwilio } from '@parley/testing';
import { DATABASE } from '../apps/server/src/tokens';
import { ChatClient } from './support/chat-client';
import { startApp, type RunningApp } from './support/app';
import { SmsPeer, TWILIO, randomPhone, twilioEnv } from './support/sms-peer';

describe('SMS compliance keywords and the consent ledger', () => {
  const fake = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  let running: RunningApp;
  const peer = new SmsPeer(() => running.url, fake);
  const db = () => running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
  const contactOf = async (channel: string, address: string) =>
    (await db().get<{ contact_id: string }>('SELECT contact_id FROM channel_identities WHERE channel = ? AND address = ?', [channel, address]))!.contact_id;
  const quiet = () => new Promise((r) => setTimeout(r, 400));

  beforeAll(async () => {
    const { url } = await fake.start();
    running = await startApp({ ...twilioEnv(url), MESSAGING_PROGRAM_NAME: 'Acme Alerts', MESSAGING_HELP_CONTACT: 'help@acme.test' });
  });
  afterAll(async () => {
    await running?.close();
    await fake.stop();
  });

  it('after STOP sends exactly one confirmation and nothing else until START', async () => {
    const ann = randomPhone();
    await peer.text(ann, 'Hi', 2);
    const [confirmation] = await peer.text(ann, 'stop', 1);
    expect(confirmation.body).toBe('Acme Alerts: You are unsubscribed and will receive no more messages. Reply START to resubscribe.');

    const before = fake.sentTo(ann).length;
    await peer.post('/webhooks/twilio/sms', peer.inbound(ann, 'Ann'));
    await peer.post('/webhooks/twilio/sms', peer.inbound(ann, 'hello? anyone?'));
    await quiet();
    expect(fake.sentTo(ann)).toHaveLength(before);

    const [help] = await peer.text(ann, 'HELP', 1);
    expect(help.body).toContain('help@acme.test');
    const [back] = await peer.text(ann, 'START', 1);
    expect(back.body).toMatch(/^Acme Alerts: You are subscribed again/);
    expect((await peer.text(ann, 'Ann', 1))[0].body).toBe("Nice to meet you, Ann! What's your work email?");

    const records = await consentLedger.of(db(), await contactOf('sms', ann));
    expect(records.map((r) => `${r.action}:${r.channel}:${r.purpose}:${r.source}`)).toEqual(['revoke:sms:all:keyword', 'grant:sms:all:keyword']);
    expect(records[0].evidence).toMatchObject({ address: ann, text: 'stop' });
    expect(verifyConsentChain(records)).toEqual({ ok: true });
  });

  it("honours Twilio's OptOutType and plain-language opt-outs", async () => {
    const bo = randomPhone();
    await peer.text(bo, 'Hi', 2);
    const [viaTwilio] = await peer.text(bo, 'arrêt', 1, { OptOutType: 'STOP' });
    expect(viaTwilio.body).toMatch(/unsubscribed/);

    const cy = randomPhone();
    await peer.text(cy, 'Hi', 2);
    const [plain] = await peer.text(cy, 'please stop texting me', 1);
    expect(plain.body).toMatch(/unsubscribed/);
    const before = fake.sentTo(cy).length;
    await peer.post('/webhooks/twilio/sms', peer.inbound(cy, 'Cy'));
    await quiet();
    expect(fake.sentTo(cy)).toHaveLength(before);
    expect((await consentLedger.of(db(), await contactOf('sms', cy)))[0]).toMatchObject({ action: 'revoke', source: 'plain-language' });
  });

  it('treats YES as a flow answer unless the person had opted out', async () => {
    const di = randomPhone();
    await peer.text(di, 'Hi', 2);
    expect((await peer.text(di, 'YES', 1))[0].body).toBe("Nice to meet you, YES! What's your work email?");
    expect(await consentLedger.of(db(), await contactOf('sms', di))).toEqual([]);
  });

  it('records a plain-language opt-out typed in web chat as a revoke of marketing everywhere', async () => {
    const visitor = new ChatClient(running.url);
    const hello = await visitor.hello();
    await visitor.nextText(/what's your name/i);
    await visitor.send("I don't want any more marketing emails, unsubscribe me please");
    expect((await visitor.next()).text).toMatch(/won't send you any more marketing/);
    visitor.close();
    const [record] = await consentLedger.of(db(), await contactOf('webchat', hello.visitorId));
    expect(record).toMatchObject({ action: 'revoke', channel: 'all', purpose: 'marketing', source: 'plain-language' });
  });
});
