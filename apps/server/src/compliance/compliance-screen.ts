import type { InboundMessage } from '@parley/core';
import {
  classifyKeyword,
  keywordReply,
  optedOutOfChannel,
  type ConsentDraft,
  type MessagingProgram,
} from '@parley/consent';
import { InboundCompliance, ledgerChannel, messageEvidence, type ComplianceVerdict, type OpenConversation } from '@parley/engine';
import { detectOptOut } from '@parley/nlu';

const KEYWORD_CHANNELS = new Set(['sms', 'whatsapp']);

/**
 * STOP / START / HELP keywords on SMS and WhatsApp, Twilio's own opt-out classification, and plain-language
 * opt-outs on every channel ("please stop texting me"), recorded in the consent ledger with their evidence.
 */
export class ComplianceScreen extends InboundCompliance {
  constructor(private readonly program: MessagingProgram) {
    super();
  }

  async screen(message: InboundMessage, open: OpenConversation, consent: readonly ConsentDraft[]): Promise<ComplianceVerdict> {
    const text = message.text ?? '';
    const keyword = KEYWORD_CHANNELS.has(message.channel) ? (classifyKeyword(twilioOptOutType(message) ?? text) ?? undefined) : undefined;
    const optedOut = optedOutOfChannel(consent, ledgerChannel(message.channel) as 'sms');
    if (keyword === 'opt_out') return this.answer('opt_out', [this.draft(message, open, 'revoke', 'all', 'keyword')]);
    // "YES" restores a subscription only after an opt-out; otherwise it is an answer for the flow.
    if (keyword === 'opt_in' && (optedOut || text.trim().toUpperCase() !== 'YES')) {
      return this.answer('opt_in', [this.draft(message, open, 'grant', 'all', 'keyword')]);
    }
    if (keyword === 'help') return this.answer('help', []);
    const plain = text ? detectOptOut(text) : undefined;
    if (plain?.optOut) {
      const channelWide = KEYWORD_CHANNELS.has(message.channel);
      const drafts = [this.draft(message, open, 'revoke', channelWide ? 'all' : 'marketing', 'plain-language', plain.matched)];
      if (channelWide) return this.answer('opt_out', drafts);
      return { action: 'answer', replies: ["Understood: we won't send you any more marketing messages."], consent: drafts.map((d) => ({ ...d, channel: 'all' })) };
    }
    return { action: 'continue' };
  }

  private answer(keyword: 'opt_out' | 'opt_in' | 'help', consent: ConsentDraft[]): ComplianceVerdict {
    return { action: 'answer', replies: [keywordReply(keyword, this.program)], consent };
  }

  private draft(
    message: InboundMessage,
    open: OpenConversation,
    action: ConsentDraft['action'],
    purpose: ConsentDraft['purpose'],
    source: ConsentDraft['source'],
    matched?: string,
  ): ConsentDraft {
    const evidence: Record<string, string> = { channel: message.channel, address: message.address, ...messageEvidence(message), text: message.text ?? '' };
    if (matched) evidence.matched = matched;
    return { contactId: open.contact.id, channel: ledgerChannel(message.channel), purpose, action, source, evidence, actor: 'contact', at: message.receivedAt };
  }
}

function twilioOptOutType(message: InboundMessage): string | undefined {
  const value = message.metadata?.optOutType;
  return typeof value === 'string' && value ? value : undefined;
}
