import { createHash } from 'node:crypto';
import type { ConsentDraft, ConsentRecord } from './consent-types';

export const GENESIS_HASH = '0'.repeat(64);

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The row's hash covers its content and the previous row's hash: editing any row breaks every later link. */
export function consentHash(prevHash: string, seq: number, draft: ConsentDraft): string {
  const content = { ...draft, at: draft.at.toISOString(), seq, prevHash };
  return createHash('sha256').update(canonical(content)).digest('hex');
}

export function disclosureVersionOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export interface ChainVerdict {
  ok: boolean;
  /** The first row whose hash or link does not match, when the chain is broken. */
  brokenAt?: { id: string; seq: number; reason: string };
}

/** Checks one contact's rows, in seq order. */
export function verifyConsentChain(records: readonly ConsentRecord[]): ChainVerdict {
  let prev = GENESIS_HASH;
  for (const [index, record] of records.entries()) {
    if (record.seq !== index + 1) return { ok: false, brokenAt: { id: record.id, seq: record.seq, reason: 'a row is missing or out of order' } };
    if (record.prevHash !== prev) return { ok: false, brokenAt: { id: record.id, seq: record.seq, reason: 'link to the previous row does not match' } };
    const { id: _id, seq, prevHash, hash, ...draft } = record;
    if (consentHash(prevHash, seq, draft) !== hash) return { ok: false, brokenAt: { id: record.id, seq, reason: 'row content was changed' } };
    prev = hash;
  }
  return { ok: true };
}
