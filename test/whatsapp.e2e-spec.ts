import { consentStatus } from '@parley/consent';
import { SqlApiKeys, consentLedger, type SqlDatabase } from '@parley/persistence';
import { FakeSlack, FakeTwilio, type FakeSlackMessage, type FakeSms } from '@parley/testing';
import twilio from 'twilio';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';
import { ManualClock } from './support/manual-clock';
import { SLACK_SECRET, SlackPeer } from './support/slack-peer';
import { SmsPeer, TWILIO, messageSid, twilioEnv } from './support/sms-peer';

jest.setTimeout(30_000);

const OUR_WHATSAPP = `whatsapp:${TWILIO.ourNumber}`;
const NUDGE_TEMPLATE = 'HX5f2c1e0a9b8d7c6e5f4a3b2c1d0e9f8a';
const HOUR = 3_600_000;
/** A fixed-offset zone where it is about noon at `at` (Etc/GMT-5 is UTC+5). */
const middayZoneAt = (at: Date) => {
  const offset = 12 - at.getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
};
/** A valid US number (the import checks validity), different per run. */
const newPhone = () => `+1415200${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;

describe('WhatsApp on Twilio end to end', () => {
  const fake = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  const slack = new FakeSlack();
  const clock = new ManualClock();
  let running: RunningApp;
  let apiKey = '';
  const peer = new SmsPeer(() => running.url, fake);
  const sql = () => running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

  /** Writes on WhatsApp (Twilio posts it to the SMS webhook, signed) and waits for `replies` messages back. */
  const whatsapp = (from: string, body: string, replies: number, extra: Record<string, string> = {}) =>
    peer.text(from, body, replies, { To: OUR_WHATSAPP, ...extra });

  const rep = new SlackPeer(() => running.url);

  const contactOf = async (channel: string, address: string) =>
    (await sql().get<{ contact_id: string }>('SELECT contact_id FROM channel_identities WHERE channel = ? AND address = ?', [channel, address]))?.contact_id;
  const conversationOf = async (address: string) =>
    (await sql().get<{ id: string; channel: string }>('SELECT id, channel FROM conversations WHERE address = ?', [address]))!;

  /** A shop's contact, imported with the phone, and the cart the shop's integration put on it. */
  async function shopperWithCart(phone: string): Promise<string> {
    const response = await fetch(`${running.url}/api/v1/contacts/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [{ phone, name: 'Leo Park' }] }),
    });
    expect(await response.json()).toMatchObject({ created: 1, errors: [] });
    const contactId = (await contactOf('sms', phone))!;
    // The cart comes from the shop (no product route sets it yet): written as its integration would. The zone puts
    // "25 hours later" at midday for Leo, so the late nudge never waits for his quiet hours to end.
    const attributes = { name: 'Leo Park', phone, firstName: 'Leo', cartItems: 'Rain jacket', cartTotal: 140, timezone: middayZoneAt(new Date(clock.now().getTime() + 25 * HOUR)) };
    await sql().run('UPDATE contacts SET attributes = ? WHERE id = ?', [JSON.stringify(attributes), contactId]);
    return contactId;
  }

  const leo = { phone: newPhone(), contactId: '', sent: [] as FakeSms[] };
  const mia = { phone: newPhone(), conversationId: '', card: undefined as FakeSlackMessage | undefined };

  beforeAll(async () => {
    await fake.start();
    await slack.start();
    running = await startApp(
      {
        ...twilioEnv(fake.url),
        ENTRY_FLOW: 'cart-recovery',
        SLACK_SIGNING_SECRET: SLACK_SECRET,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: slack.url,
        SLACK_SALES_CHANNEL: 'C_SUPPORT',
        JOBS_POLL_MS: '50',
      },
      { clock },
    );
    fake.routeCallbacksTo(running.url);
    apiKey = (await new SqlApiKeys(sql()).create('whatsapp-e2e', 'admin', new Date())).key;
  });
  afterAll(async () => {
    await running?.close();
    await fake.stop();
    await slack.stop();
  });

  it('runs cart recovery for an imported shopper who writes on WhatsApp: one contact, the photo stored, the cart image sent', async () => {
    leo.contactId = await shopperWithCart(leo.phone);
    const from = `whatsapp:${leo.phone}`;
    const photo = { NumMedia: '1', MediaUrl0: `https://api.twilio.com/2010-04-01/Accounts/${TWILIO.accountSid}/Messages/MM1/Media/ME1`, MediaContentType0: 'image/jpeg' };
    const sid = messageSid();
    const before = fake.sentTo(from).length;
    expect((await peer.post('/webhooks/twilio/sms', peer.inbound(from, 'Hi, is this jacket still there?', sid, { To: OUR_WHATSAPP, ...photo }))).status).toBe(200);
    await peer.waitFor(() => fake.sentTo(from).length >= before + 2);
    const [reminder, question] = fake.sentTo(from).slice(before);

    expect(reminder).toMatchObject({ to: from, from: OUR_WHATSAPP, body: 'Hi Leo! You left something in your cart.\nRain jacket\nTotal: $140\nCheck out: https://shop.example/cart', mediaUrl: ['https://shop.example/img/cart.png'] });
    expect(question).toMatchObject({
      body: 'Want to finish your order? I can also help with shipping, sizing or returns.\n1) Check out now\n2) I have a question\n3) Not interested',
      mediaUrl: [],
    });
    expect(question.contentSid).toBeUndefined();

    expect(await contactOf('whatsapp', from)).toBe(leo.contactId);
    expect((await conversationOf(from)).channel).toBe('whatsapp');
    const stored = await sql().get<{ channel: string; text: string; attachments: string }>('SELECT channel, text, attachments FROM messages WHERE external_id = ?', [sid]);
    expect(stored?.channel).toBe('whatsapp');
    expect(stored?.text).toBe('Hi, is this jacket still there?');
    expect(JSON.parse(stored!.attachments)).toEqual([{ url: photo.MediaUrl0, contentType: 'image/jpeg' }]);
    leo.sent = fake.sentTo(from);
  });

  it('hands a WhatsApp customer to a person in Slack, whose reply inside the window goes out as free-form text', async () => {
    const from = `whatsapp:${mia.phone}`;
    const menu = await whatsapp(from, 'Hello', 1);
    expect(menu[0].body).toBe('What can I help you with?\n1) Track my order\n2) Returns and refunds\n3) Sizing help\n4) Talk to a person');
    expect((await whatsapp(from, '4', 1))[0].body).toBe("Let me get someone from our support team. They'll reply here shortly.");
    mia.conversationId = (await conversationOf(from)).id;
    mia.card = await slack.waitFor(() => [...slack.messages.values()].find((m) => !m.threadTs && m.channel === 'C_SUPPORT'));

    expect((await rep.press('handoff_claim', mia.conversationId, 'U_REP')).status).toBe(200);
    await peer.waitFor(() => fake.sentTo(from).length >= 3);
    expect(fake.sentTo(from)[2]).toMatchObject({ body: 'A person from our team is joining the conversation.' });
  });

  it('25 hours after the last message: the late cart nudge goes as the approved template, a free-form agent reply is refused with the reason', async () => {
    clock.advance(25 * HOUR);

    // The cart_wait timeout (due 4 hours in) runs now, late: outside the window, the node's template goes instead.
    const leoAddress = `whatsapp:${leo.phone}`;
    await peer.waitFor(() => fake.sentTo(leoAddress).length > leo.sent.length);
    const [nudge] = fake.sentTo(leoAddress).slice(leo.sent.length);
    expect(nudge).toMatchObject({ to: leoAddress, from: OUR_WHATSAPP, contentSid: NUDGE_TEMPLATE, body: undefined, mediaUrl: [] });
    expect(JSON.parse(nudge.contentVariables!)).toEqual({ 1: 'Leo', 2: 'COMEBACK10' });

    const miaAddress = `whatsapp:${mia.phone}`;
    const sentBefore = fake.sentTo(miaAddress).length;
    expect((await rep.replyInThread(mia.card!, 'EvLate', 'Did the new size fit?', 'U_REP')).status).toBe(200);
    const note = await slack.waitFor(() => slack.thread(mia.card!.ts).find((m) => m.text.includes('Not sent')));
    expect(note.text).toContain('whatsapp_window_closed');
    const refused = await sql().get<{ sender: string; status: string; delivery_error: string }>(
      'SELECT sender, status, delivery_error FROM messages WHERE conversation_id = ? AND text = ?',
      [mia.conversationId, 'Did the new size fit?'],
    );
    expect(refused).toEqual({ sender: 'agent', status: 'failed', delivery_error: 'whatsapp_window_closed' });
    await settle();
    expect(fake.sentTo(miaAddress)).toHaveLength(sentBefore);
    expect(fake.sentTo(leoAddress)).toHaveLength(leo.sent.length + 1);

    // Writing again opens a new window: the reply is free-form again.
    const [answer] = await whatsapp(leoAddress, 'thanks', 1);
    expect(answer.body).toMatch(/^Anything else I can help with\?/);
    expect(answer.contentSid).toBeUndefined();
  });

  it('STOP on WhatsApp: one confirmation, WhatsApp consent revoked, nothing more on WhatsApp; SMS to the same contact is its own channel', async () => {
    const phone = newPhone();
    const from = `whatsapp:${phone}`;
    await whatsapp(from, 'Hi', 1);
    const [confirmation] = await whatsapp(from, 'STOP', 1);
    expect(confirmation.body).toBe('Parley: You are unsubscribed and will receive no more messages. Reply START to resubscribe.');
    const contactId = (await contactOf('whatsapp', from))!;
    const ledger = await consentLedger.of(sql(), contactId);
    expect(ledger.at(-1)).toMatchObject({ channel: 'whatsapp', purpose: 'all', action: 'revoke', source: 'keyword' });
    expect(consentStatus(ledger, 'whatsapp', 'marketing')).toBe('revoked');
    expect(consentStatus(ledger, 'sms', 'marketing')).toBe('unknown');

    const count = fake.sentTo(from).length;
    expect((await peer.post('/webhooks/twilio/sms', peer.inbound(from, 'Hello again', messageSid(), { To: OUR_WHATSAPP }))).status).toBe(200);
    await settle();
    expect(fake.sentTo(from)).toHaveLength(count);

    const bySms = await peer.text(phone, 'Hi', 1);
    expect(bySms[0]).toMatchObject({ to: phone, from: TWILIO.ourNumber });
    expect(await contactOf('sms', phone)).toBe(contactId);
  });

  it('refuses a WhatsApp webhook with a forged signature with 403 and stores nothing', async () => {
    const params = peer.inbound(`whatsapp:${newPhone()}`, 'Hi', messageSid(), { To: OUR_WHATSAPP });
    const forged = twilio.getExpectedTwilioSignature('not-the-token', `${TWILIO.publicBaseUrl}/webhooks/twilio/sms`, params);
    expect((await peer.post('/webhooks/twilio/sms', params, forged)).status).toBe(403);
    expect((await peer.post('/webhooks/twilio/sms', params, null)).status).toBe(403);
    expect(await sql().get('SELECT id FROM messages WHERE external_id = ?', [params.MessageSid])).toBeUndefined();
  });
});
