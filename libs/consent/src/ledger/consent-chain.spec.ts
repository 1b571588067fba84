import { GENESIS_HASH, consentHash, verifyConsentChain } from './consent-chain';
import { consentStatus, optedOutOfChannel } from './consent-status';
import type { ConsentDraft, ConsentRecord } from './consent-types';

function chain(drafts: ConsentDraft[]): ConsentRecord[] {
  let prev = GENESIS_HASH;
  return drafts.map((draft, i) => {
    const hash = consentHash(prev, i + 1, draft);
    const record = { ...draft, id: `r${i + 1}`, seq: i + 1, prevHash: prev, hash };
    prev = hash;
    return record;
  });
}

const draft = (over: Partial<ConsentDraft>): ConsentDraft => ({
  contactId: 'c1', channel: 'sms', purpose: 'marketing', action: 'grant', source: 'keyword',
  disclosureText: 'Acme: reply YES to get 4 msgs/month. Msg & data rates may apply. Reply HELP for help, STOP to cancel.',
  evidence: { phone: '+15551234567', messageSid: 'SM1' }, actor: 'contact', at: new Date('2026-01-01T10:00:00Z'), ...over,
});

describe('consent ledger chain', () => {
  const records = chain([draft({}), draft({ action: 'revoke', purpose: 'all', at: new Date('2026-02-01T10:00:00Z') }), draft({ at: new Date('2026-03-01T10:00:00Z') })]);

  it('verifies an untouched chain', () => {
    expect(verifyConsentChain(records)).toEqual({ ok: true });
  });

  it('names the row whose content was edited', () => {
    const edited = records.map((r) => (r.seq === 2 ? { ...r, action: 'grant' as const } : r));
    expect(verifyConsentChain(edited)).toEqual({ ok: false, brokenAt: { id: 'r2', seq: 2, reason: 'row content was changed' } });
  });

  it('notices a deleted row and a re-hashed row', () => {
    expect(verifyConsentChain([records[0], records[2]]).brokenAt?.id).toBe('r3');
    const forged = { ...records[1], evidence: { phone: '+1999' } };
    forged.hash = consentHash(forged.prevHash, 2, { ...draft({}), action: 'revoke', purpose: 'all', at: forged.at, evidence: forged.evidence });
    expect(verifyConsentChain([records[0], forged, records[2]]).brokenAt).toMatchObject({ id: 'r3', reason: 'link to the previous row does not match' });
  });

  it('derives the current consent from the latest covering event', () => {
    expect(consentStatus(records.slice(0, 1), 'sms', 'marketing')).toBe('granted');
    expect(consentStatus(records.slice(0, 2), 'sms', 'marketing')).toBe('revoked');
    expect(consentStatus(records, 'sms', 'marketing')).toBe('granted');
    expect(consentStatus(records, 'email', 'marketing')).toBe('unknown');
    expect(consentStatus([draft({ channel: 'all', action: 'revoke' })], 'email', 'marketing')).toBe('revoked');
  });

  it('treats a channel-wide revoke as an opt-out until a later grant', () => {
    expect(optedOutOfChannel(records.slice(0, 2), 'sms')).toBe(true);
    expect(optedOutOfChannel(records, 'sms')).toBe(false);
    expect(optedOutOfChannel(records.slice(0, 2), 'whatsapp')).toBe(false);
  });
});
