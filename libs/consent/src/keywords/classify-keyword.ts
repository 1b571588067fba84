export type ComplianceKeyword = 'opt_out' | 'opt_in' | 'help';

/** The carrier (CTIA) and Twilio keyword sets; a keyword counts only when it is the whole message. */
export const OPT_OUT_KEYWORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'] as const;
export const OPT_IN_KEYWORDS = ['START', 'YES', 'UNSTOP'] as const;
export const HELP_KEYWORDS = ['HELP', 'INFO'] as const;

const KEYWORDS = new Map<string, ComplianceKeyword>([
  ...OPT_OUT_KEYWORDS.map((k) => [k, 'opt_out'] as const),
  ...OPT_IN_KEYWORDS.map((k) => [k, 'opt_in'] as const),
  ...HELP_KEYWORDS.map((k) => [k, 'help'] as const),
]);

const EDGES = /^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
/** "opt-out", "stop all" and "un stop" are typed for OPTOUT, STOPALL and UNSTOP often enough to accept. */
const JOINERS = /[\s\-_]+/g;

/** The keyword a whole message is, if any: "stop", " STOP! " and "Opt-Out" are; "please stop texting me" is not. */
export function classifyKeyword(text: string | undefined): ComplianceKeyword | undefined {
  const trimmed = text?.trim();
  if (!trimmed || trimmed.length > 32) return undefined;
  const word = trimmed.normalize('NFKC').replace(INVISIBLE, '').replace(EDGES, '').replace(JOINERS, '').toUpperCase();
  return KEYWORDS.get(word);
}
