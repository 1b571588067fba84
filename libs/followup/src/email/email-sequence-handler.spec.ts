import { join } from 'node:path';
import type { OutboxJob } from '../job-store.port';
import { EmailAudience, type EmailJobDraft, type EmailRecipient } from './email-audience.port';
import { EmailSequenceHandler } from './email-sequence-handler';
import { EmailTransport, type EmailMessage } from './email-transport.port';
import { compileSequence } from './email-templates';
import { SequenceCatalog } from './sequence-catalog';
import { sequenceSchema } from './sequence-schema';
import { createUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const t0 = new Date('2026-03-01T10:00:00.000Z');
const sequence = compileSequence(
  sequenceSchema.parse({
    id: 'drip',
    exit: [{ attribute: 'lifecycleStage', equals: 'customer' }],
    steps: [
      { id: 'one', subject: 'Hi {{contact.name}}', html: '<p>Hello {{contact.name}} {{data.x}}</p>', text: 'Hello {{contact.name}}' },
      { id: 'two', delay: '2d', subject: 'Again', html: '<p>Again</p>', text: 'Again' },
    ],
  }),
);

class Audience extends EmailAudience {
  jobs: EmailJobDraft[] = [];
  constructor(public person: EmailRecipient) {
    super();
  }
  async recipient() {
    return this.person;
  }
  async enqueue(job: EmailJobDraft) {
    this.jobs.push(job);
  }
}
class Outbox extends EmailTransport {
  sent: EmailMessage[] = [];
  async send(message: EmailMessage) {
    this.sent.push(message);
  }
  close() {}
}

const job = (type: string, payload: Record<string, unknown>, key = 'k'): OutboxJob =>
  ({ id: 'j', type, payload, idempotencyKey: key, status: 'running', attempts: 1, runAt: t0, lockedUntil: null, lastError: null, createdAt: t0, updatedAt: t0 });
const context = { idempotencyKey: 'email:c1:drip:1', attempt: 1, signal: new AbortController().signal };

function setup(person: Partial<EmailRecipient> = {}) {
  const audience = new Audience({ contactId: 'c1', email: 'ana@example.com', attributes: { name: 'Ana' }, marketingConsent: 'granted', ...person });
  const transport = new Outbox();
  const handler = new EmailSequenceHandler({
    sequences: new SequenceCatalog([sequence]),
    audience,
    transport,
    settings: { from: 'Parley <hello@parley.example>', postalAddress: '1 Main St, Springfield', publicBaseUrl: 'https://parley.example', unsubscribeSecret: 's3cret' },
    now: () => t0,
  });
  return { audience, transport, handler };
}

describe('EmailSequenceHandler', () => {
  it('starts a sequence by enqueuing step 1 under its idempotency key', async () => {
    const { audience, handler } = setup();
    await handler.handle(job('followup.email_sequence', { contactId: 'c1', target: 'drip', data: { x: 1 } }), context);
    expect(audience.jobs).toEqual([{ type: 'email.step', payload: { contactId: 'c1', sequence: 'drip', step: 0, data: { x: 1 } }, idempotencyKey: 'email:c1:drip:1', runAt: t0 }]);
  });

  it('sends a personalised step with one-click unsubscribe headers and footer, then enqueues the next with its delay', async () => {
    const { audience, transport, handler } = setup();
    expect(await handler.handle(job('email.step', { contactId: 'c1', sequence: 'drip', step: 0, data: { x: 'y' } }), context)).toBeUndefined();
    const [message] = transport.sent;
    expect(message).toMatchObject({ to: 'ana@example.com', subject: 'Hi Ana', headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } });
    expect(message.html).toContain('<p>Hello Ana y</p>');
    expect(message.text).toContain('1 Main St, Springfield');
    const [, https, mailto] = /^<(https:\/\/parley\.example\/u\/[^>]+)>, <(mailto:hello@parley\.example\?[^>]+)>$/.exec(message.headers['List-Unsubscribe'])!;
    expect(verifyUnsubscribeToken('s3cret', https.split('/u/')[1])).toEqual({ contactId: 'c1', listId: 'marketing' });
    expect(mailto).toContain('subject=unsubscribe');
    expect(audience.jobs).toEqual([expect.objectContaining({ idempotencyKey: 'email:c1:drip:2', runAt: new Date(t0.getTime() + 2 * 86_400_000) })]);
  });

  it.each([
    [{ marketingConsent: 'unknown' as const }, 'no email marketing consent (unknown)'],
    [{ marketingConsent: 'revoked' as const }, 'no email marketing consent (revoked)'],
    [{ attributes: { lifecycleStage: 'customer' } }, 'exit: lifecycleStage = customer'],
    [{ email: undefined }, 'contact has no email address'],
  ])('skips without sending or enqueuing: %j', async (person, reason) => {
    const { audience, transport, handler } = setup(person);
    expect(await handler.handle(job('email.step', { contactId: 'c1', sequence: 'drip', step: 0 }), context)).toEqual({ skipped: reason });
    expect(transport.sent).toEqual([]);
    expect(audience.jobs).toEqual([]);
  });

  it('waits while SMTP is not configured', () => {
    expect(new EmailSequenceHandler({ sequences: new SequenceCatalog(), audience: new Audience({} as EmailRecipient) }).unavailable()).toBe('SMTP_URL is not set');
  });
});

describe('unsubscribe tokens', () => {
  const token = createUnsubscribeToken('key', { contactId: 'c-1', listId: 'marketing' });
  it('round-trips and rejects forgeries', () => {
    expect(verifyUnsubscribeToken('key', token)).toEqual({ contactId: 'c-1', listId: 'marketing' });
    expect(verifyUnsubscribeToken('other', token)).toBeUndefined();
    const forged = `${Buffer.from('c-2:marketing').toString('base64url')}.${token.split('.')[1]}`;
    expect(verifyUnsubscribeToken('key', forged)).toBeUndefined();
    const uuid = '019abc12-3456-7def-8123-456789abcdef';
    const short = createUnsubscribeToken('key', { contactId: uuid, listId: 'newsletter' });
    expect(short.length).toBeLessThan(100);
    expect(verifyUnsubscribeToken('key', short)).toEqual({ contactId: uuid, listId: 'newsletter' });
    for (const bad of ['', 'abc', 'a.b.c', '%%%.x', token.slice(0, -2)]) expect(verifyUnsubscribeToken('key', bad)).toBeUndefined();
  });
});

describe('flows/sequences', () => {
  it('every shipped sequence loads, and covers every email_sequence a flow names', () => {
    const { catalog, errors } = SequenceCatalog.load(join(__dirname, '../../../../flows/sequences'));
    expect(errors).toEqual([]);
    expect(catalog.ids()).toEqual(['b2b-nurture', 'cart-abandonment', 'event-reminders', 'trial-onboarding']);
  });
});
