import { newId } from '@parley/core';
import { consentLedger, type SqlDatabase, type SqlTx, type SqlValue } from '@parley/persistence';

export interface SeedOptions {
  contacts: number;
  messages: number;
  /** Spread of the conversations' start times back from now. */
  days?: number;
}

export interface SeedReport {
  contacts: number;
  conversations: number;
  messages: number;
  scoreEvents: number;
  consentEvents: number;
  ms: number;
}

const CHANNELS = ['webchat', 'webchat', 'webchat', 'sms', 'sms', 'whatsapp'] as const;
const SEGMENTS = ['enterprise', 'midmarket', 'smb', null] as const;
const FLOWS = ['lead-qualification', 'b2b-lead-qualification', 'event-registration'] as const;
const ROWS_PER_INSERT = 400;

/** Multi-row INSERTs of up to ROWS_PER_INSERT rows: one statement per batch instead of one per row. */
async function insertMany(tx: SqlTx, table: string, columns: string[], rows: SqlValue[][]): Promise<void> {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const batch = rows.slice(i, i + ROWS_PER_INSERT);
    await tx.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${batch.map(() => tuple).join(', ')}`, batch.flat());
  }
}

/**
 * A dashboard-sized database: `contacts` contacts with one conversation each, `messages` messages spread over
 * them (visitor and bot in turn), score events for a third of the contacts, handoffs for one in twenty and
 * SMS consent (through the real hash-chained ledger) for one in five. Raw batched inserts in one transaction.
 */
export async function seedDashboardData(db: SqlDatabase, options: SeedOptions): Promise<SeedReport> {
  const started = performance.now();
  const now = Date.now();
  const spanMs = (options.days ?? 30) * 24 * 3600 * 1000;
  const perConversation = Math.floor(options.messages / options.contacts);
  const extra = options.messages - perConversation * options.contacts;
  const contacts: SqlValue[][] = [];
  const identities: SqlValue[][] = [];
  const conversations: SqlValue[][] = [];
  const messages: SqlValue[][] = [];
  const jobs: SqlValue[][] = [];
  const consentOf: string[] = [];
  for (let i = 0; i < options.contacts; i++) {
    const contactId = newId();
    const conversationId = newId();
    const channel = CHANNELS[i % CHANNELS.length];
    const address = channel === 'webchat' ? `seed-visitor-${i}` : `+1555${String(i).padStart(7, '0')}`;
    const startedAt = now - Math.floor(((i * 7919) % options.contacts) / options.contacts * spanMs);
    const count = perConversation + (i < extra ? 1 : 0);
    const lastAt = new Date(startedAt + count * 20_000).toISOString();
    const attributes: Record<string, unknown> = {};
    if (i % 5 !== 0) attributes.name = `Seed Person ${i}`;
    if (i % 5 < 2) attributes.email = `person${i}@seed.example`;
    const segment = SEGMENTS[i % SEGMENTS.length];
    if (segment) attributes.segment = segment;
    contacts.push([contactId, JSON.stringify(attributes), new Date(startedAt).toISOString(), lastAt]);
    identities.push([newId(), contactId, channel, address, new Date(startedAt).toISOString()]);
    const flow = FLOWS[i % FLOWS.length];
    const owner = i % 40 === 0 ? 'human' : 'bot';
    conversations.push([conversationId, contactId, channel, address, flow, 'seed', null, owner, count, count, new Date(startedAt).toISOString(), lastAt]);
    for (let p = 0; p < count; p++) {
      const inbound = p % 2 === 1;
      const at = new Date(startedAt + p * 20_000).toISOString();
      messages.push([newId(), conversationId, channel, inbound ? `seed:${i}:${p}` : null, inbound ? 'in' : 'out', inbound ? 'visitor' : 'bot', inbound ? `answer ${p} from ${i}` : `question ${p} for ${i}`, p, at]);
    }
    const base = { contactId, conversationId, channel };
    if (i % 3 === 0) {
      for (const [n, points] of [[0, 10 + (i % 50)], [1, (i * 13) % 45]]) {
        jobs.push([newId(), 'score.event', JSON.stringify({ ...base, event: n ? 'engaged' : 'qualified', points }), `score:${conversationId}:1:${n}`, 'done', lastAt, lastAt, lastAt]);
      }
    }
    if (i % 20 === 0) jobs.push([newId(), 'handoff.request', JSON.stringify({ ...base, queue: 'sales' }), `handoff:${conversationId}:1:0`, 'done', lastAt, lastAt, lastAt]);
    if (i % 5 === 0 && channel !== 'webchat') consentOf.push(contactId);
  }
  await db.transaction(async (tx) => {
    await insertMany(tx, 'contacts', ['id', 'attributes', 'created_at', 'updated_at'], contacts);
    await insertMany(tx, 'channel_identities', ['id', 'contact_id', 'channel', 'address', 'created_at'], identities);
    await insertMany(tx, 'conversations', ['id', 'contact_id', 'channel', 'address', 'flow_id', 'flow_version', 'state', 'owner', 'version', 'message_count', 'created_at', 'updated_at'], conversations);
    await insertMany(tx, 'messages', ['id', 'conversation_id', 'channel', 'external_id', 'direction', 'sender', 'text', 'position', 'created_at'], messages);
    await insertMany(tx, 'outbox_jobs', ['id', 'type', 'payload', 'idempotency_key', 'status', 'run_at', 'created_at', 'updated_at'], jobs);
    for (const contactId of consentOf) {
      await consentLedger.append(tx, { contactId, channel: 'sms', purpose: 'marketing', action: 'grant', source: 'import', actor: 'seed', evidence: { seed: 'dashboard' }, at: new Date() });
    }
  });
  return {
    contacts: contacts.length,
    conversations: conversations.length,
    messages: messages.length,
    scoreEvents: jobs.filter((j) => j[1] === 'score.event').length,
    consentEvents: consentOf.length,
    ms: Math.round(performance.now() - started),
  };
}
