import type { ChannelName, OutboundMessage } from '@parley/core';
import type { ConsentDraft } from '@parley/consent';
import { ChannelTransport, Clock } from '../ports';
import { TransportRegistry } from '../transport-registry';
import type { ClaimedRecipient, RecipientStatus } from './campaign';
import { CampaignSender } from './campaign-sender';
import { CampaignStore, type RecipientOutcome } from './campaign-store.port';
import { SendPacers } from './send-pacer';

type Row = ClaimedRecipient & { status: RecipientStatus; providerId: string | null; lockedUntil: number; outcome?: string; holdUntil?: Date };

/** Just enough of a store to drive the sender: rows in position order. */
class MemoryStore extends CampaignStore {
  readonly continued: number[] = [];
  constructor(readonly rows: Row[]) {
    super();
  }
  create = () => Promise.reject(new Error('unused'));
  get = () => Promise.resolve(undefined);
  list = () => Promise.resolve([]);
  async claimNext(_id: string, _now: Date, leaseUntil: Date) {
    const row = this.rows.find((r) => r.status === 'pending');
    if (row) Object.assign(row, { status: 'sending', lockedUntil: leaseUntil.getTime() });
    return row;
  }
  async claimHeld(id: string, _now: Date, leaseUntil: Date) {
    const row = this.rows.find((r) => r.id === id && r.status === 'held');
    if (row) Object.assign(row, { status: 'sending', lockedUntil: leaseUntil.getTime() });
    return row;
  }
  async settle(id: string, outcome: RecipientOutcome) {
    const row = this.rows.find((r) => r.id === id && r.status === 'sending');
    if (row) Object.assign(row, { status: outcome.status, outcome: outcome.status === 'skipped' ? outcome.reason : outcome.status === 'failed' ? outcome.error : 'sent' });
  }
  async hold(recipient: ClaimedRecipient, until: Date) {
    Object.assign(this.rows.find((r) => r.id === recipient.id)!, { status: 'held', holdUntil: until });
  }
  async stranded(_id: string, now: Date) {
    return this.rows.filter((r) => r.status === 'sending' && r.lockedUntil <= now.getTime()).map((r) => ({ id: r.id, providerMessageId: r.providerId }));
  }
  async continueLater(_id: string, slice: number) {
    this.continued.push(slice);
  }
  async completeIfDone() {
    return !this.rows.some((r) => ['pending', 'sending', 'held'].includes(r.status));
  }
}

class RecordingTransport extends ChannelTransport {
  readonly channels: readonly ChannelName[] = ['sms'];
  readonly sent: OutboundMessage[] = [];
  async deliver(message: OutboundMessage) {
    if (message.address.endsWith('9')) throw new Error('Twilio 400 (21211): invalid number');
    this.sent.push(message);
  }
}

const granted: ConsentDraft[] = [{ contactId: 'c', channel: 'sms', purpose: 'marketing', action: 'grant', source: 'keyword', evidence: {}, actor: 'contact', at: new Date(0) }];
// 15:00 UTC: 10:00 in New York, 05:00 in Honolulu
const NOW = new Date('2027-01-12T15:00:00Z');

function row(n: number, address: string, status: RecipientStatus = 'pending', extra: Partial<Row> = {}): Row {
  return { id: `r${n}`, campaignId: 'k', contactId: `c${n}`, address, template: 'Hi {{name}}', ratePerSecond: 1000, attributes: { name: `P${n}` }, status, providerId: null, lockedUntil: 0, ...extra };
}

function setup(rows: Row[], consent: (contactId: string) => ConsentDraft[] = () => granted) {
  const store = new MemoryStore(rows);
  const transport = new RecordingTransport();
  const transports = new TransportRegistry();
  transports.register(transport);
  const clock = new (class extends Clock {
    now = () => NOW;
  })();
  const sender = new CampaignSender({
    store, transports, clock, consentOf: async (id) => consent(id), exclusive: (_c, _a, work) => work(), pacers: new SendPacers(),
    sender: '+15005550006', defaultTimeZone: 'UTC', sliceMs: 60_000, leaseMs: 60_000,
  });
  return { store, transport, sender };
}

describe('CampaignSender', () => {
  it('sends, skips without consent, holds quiet hours and fails a refused number, each once', async () => {
    const { store, transport, sender } = setup(
      [row(1, '+12125550101'), row(2, '+12125550102'), row(3, '+18085550103'), row(4, '+12125550109')],
      (id) => (id === 'c2' ? [] : granted),
    );
    expect(await sender.runSlice('k', 1)).toBe('waiting-for-held');
    expect(transport.sent.map((m) => [m.address, m.text, m.kind, m.id])).toEqual([['+12125550101', 'Hi P1', 'marketing', 'r1']]);
    expect(store.rows.map((r) => [r.id, r.status, r.outcome])).toEqual([
      ['r1', 'sent', 'sent'],
      ['r2', 'skipped', 'no-consent'],
      ['r3', 'held', undefined],
      ['r4', 'failed', 'Twilio 400 (21211): invalid number'],
    ]);
    expect(store.rows[2].holdUntil).toEqual(new Date('2027-01-12T18:00:00Z'));
  });

  it('resumes after a crash: a stranded send with a recorded Message SID is sent, one without is failed, neither is sent again', async () => {
    const { store, transport, sender } = setup([
      row(1, '+12125550101', 'sending', { providerId: 'SM1', lockedUntil: NOW.getTime() - 1 }),
      row(2, '+12125550102', 'sending', { lockedUntil: NOW.getTime() - 1 }),
      row(3, '+12125550103', 'sending', { lockedUntil: NOW.getTime() + 1000 }),
      row(4, '+12125550104'),
    ]);
    await sender.runSlice('k', 2);
    expect(store.rows.map((r) => [r.id, r.status])).toEqual([['r1', 'sent'], ['r2', 'failed'], ['r3', 'sending'], ['r4', 'sent']]);
    expect(store.rows[1].outcome).toMatch(/outcome unknown after a crash/);
    expect(transport.sent.map((m) => m.id)).toEqual(['r4']);
  });

  it('asks the gate again when a held text comes due: a revoke in between skips it', async () => {
    const revoked: ConsentDraft[] = [...granted, { ...granted[0], channel: 'all', action: 'revoke' }];
    const { store, transport, sender } = setup([row(1, '+12125550101', 'held')], () => revoked);
    await sender.sendHeld('k', 'r1');
    await sender.sendHeld('k', 'r1');
    expect(store.rows[0]).toMatchObject({ status: 'skipped', outcome: 'opted-out' });
    expect(transport.sent).toEqual([]);
  });
});
