import type { ComplianceKeyword } from './classify-keyword';

/** What the messaging program says about itself in keyword answers (CTIA requires name, help contact and opt-out). */
export interface MessagingProgram {
  name: string;
  /** Where to get help: a phone number, an email or a URL. */
  helpContact: string;
  /** Overrides the standard HELP/INFO answer. */
  helpText?: string;
}

/** The standard answer to a compliance keyword, one message short enough for a single GSM-7 segment in common cases. */
export function keywordReply(keyword: ComplianceKeyword, program: MessagingProgram): string {
  switch (keyword) {
    case 'opt_out':
      return `${program.name}: You are unsubscribed and will receive no more messages. Reply START to resubscribe.`;
    case 'opt_in':
      return `${program.name}: You are subscribed again. Msg & data rates may apply. Reply HELP for help, STOP to opt out.`;
    case 'help':
      return (
        program.helpText ??
        `${program.name}: For help contact ${program.helpContact}. Msg & data rates may apply. Reply STOP to opt out.`
      );
  }
}
