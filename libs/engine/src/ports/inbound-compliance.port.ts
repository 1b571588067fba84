import type { InboundMessage } from '@parley/core';
import type { OpenConversation } from './conversation-store.port';

export type ComplianceVerdict =
  | { action: 'continue' }
  /** The message was a compliance keyword (STOP, HELP…): answer with these texts and do not run the flow. */
  | { action: 'answer'; replies: string[] };

/** Runs before the flow on every inbound message: opt-outs, opt-ins, help keywords. */
export abstract class InboundCompliance {
  abstract screen(message: InboundMessage, open: OpenConversation): Promise<ComplianceVerdict>;
}
