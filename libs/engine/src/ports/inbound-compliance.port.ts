import type { InboundMessage } from '@parley/core';
import type { ConsentDraft } from '@parley/consent';
import type { OpenConversation } from './conversation-store.port';

export type ComplianceVerdict =
  | { action: 'continue' }
  /** The message was a compliance keyword (STOP, HELP…) or an opt-out: answer with these texts, record the consent change, skip the flow. */
  | { action: 'answer'; replies: string[]; consent: ConsentDraft[] };

/** Runs before the flow on every inbound message: opt-outs, opt-ins, help keywords. */
export abstract class InboundCompliance {
  abstract screen(message: InboundMessage, open: OpenConversation, consent: readonly ConsentDraft[]): Promise<ComplianceVerdict>;
}
