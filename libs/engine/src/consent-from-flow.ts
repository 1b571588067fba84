import type { ChannelName, InboundMessage } from '@parley/core';
import { CONSENT_PURPOSES, type ConsentChannel, type ConsentDraft, type ConsentPurpose } from '@parley/consent';
import type { FlowAction } from '@parley/flows';
import type { OpenConversation } from './ports';

const LEDGER_CHANNEL: Partial<Record<ChannelName, ConsentChannel>> = {
  sms: 'sms',
  whatsapp: 'whatsapp',
  voice: 'voice',
  webchat: 'webchat',
};

export function ledgerChannel(channel: ChannelName): ConsentChannel {
  return LEDGER_CHANNEL[channel] ?? 'all';
}

/** What proves the answer came from this person: the channel's message id (an SMS's MessageSid…), and IP and user agent on the web. */
export function messageEvidence(inbound: InboundMessage | undefined): Record<string, string> {
  if (!inbound) return {};
  const evidence: Record<string, string> = { messageId: inbound.externalId };
  for (const key of ['ip', 'userAgent'] as const) {
    const value = inbound.metadata?.[key];
    if (typeof value === 'string' && value) evidence[key] = value;
  }
  return evidence;
}

/** A flow's consent node becomes a ledger row with the exact disclosure shown and the answer as evidence. */
export function consentFromFlow(actions: readonly FlowAction[], open: OpenConversation, at: Date, inbound?: InboundMessage): ConsentDraft[] {
  const drafts: ConsentDraft[] = [];
  for (const action of actions) {
    if (action.type !== 'consent') continue;
    const purpose = (CONSENT_PURPOSES as readonly string[]).includes(action.purpose) ? (action.purpose as ConsentPurpose) : 'marketing';
    const evidence: Record<string, string> = {
      channel: open.conversation.channel,
      address: open.conversation.address,
      method: action.method,
      ...messageEvidence(inbound),
    };
    if (action.evidence.text) evidence.answer = action.evidence.text;
    if (action.evidence.payload) evidence.payload = action.evidence.payload;
    if (action.evidence.promptedBy) evidence[action.method === 'double_opt_in' ? 'keyword' : 'promptedBy'] = action.evidence.promptedBy;
    drafts.push({
      contactId: open.contact.id,
      channel: ledgerChannel(open.conversation.channel),
      purpose,
      action: action.granted ? 'grant' : 'revoke',
      source: 'flow',
      disclosureText: action.disclosure.text,
      disclosureVersion: action.disclosure.sha256,
      evidence,
      actor: 'contact',
      at,
    });
  }
  return drafts;
}
