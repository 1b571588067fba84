import { NOTHING_UNDERSTOOD, type Understanding } from '@parley/core';
import { Clock, HandoffDesk, InboundCompliance, LanguageUnderstanding, type ComplianceVerdict } from './ports';

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** Until an NLU is configured, flows match buttons, numbers and patterns only. */
export class NoLanguageUnderstanding extends LanguageUnderstanding {
  understand(): Understanding {
    return NOTHING_UNDERSTOOD;
  }
}

export class NoInboundCompliance extends InboundCompliance {
  async screen(): Promise<ComplianceVerdict> {
    return { action: 'continue' };
  }
}

/** Without a desk (Slack off), a human-owned conversation's messages are stored and wait for an agent. */
export class NoHandoffDesk extends HandoffDesk {
  async relay(): Promise<void> {}
}
