import type { ConsentChannel, ConsentDraft, ConsentPurpose, ConsentStatus } from './consent-types';

const covers = <T extends string>(recorded: T | 'all', asked: T) => recorded === 'all' || recorded === asked;

/** Current consent is derived from the ledger: the latest event that covers the channel and the purpose wins. */
export function consentStatus(events: readonly Pick<ConsentDraft, 'channel' | 'purpose' | 'action'>[], channel: Exclude<ConsentChannel, 'all'>, purpose: Exclude<ConsentPurpose, 'all'>): ConsentStatus {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (covers(event.channel, channel) && covers(event.purpose, purpose)) return event.action === 'grant' ? 'granted' : 'revoked';
  }
  return 'unknown';
}

/** After a channel-wide opt-out (STOP) nothing but the opt-out confirmation may be sent on that channel. */
export function optedOutOfChannel(events: readonly Pick<ConsentDraft, 'channel' | 'purpose' | 'action'>[], channel: Exclude<ConsentChannel, 'all'>): boolean {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (!covers(event.channel, channel)) continue;
    if (event.action === 'revoke' && event.purpose === 'all') return true;
    if (event.action === 'grant') return false;
  }
  return false;
}
