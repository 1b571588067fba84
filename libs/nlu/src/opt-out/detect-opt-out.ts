import { foldText } from '../text/fold-text';
import { NEGATION_BEFORE, OPT_OUT_PHRASES } from './opt-out-phrases';

export interface OptOutDetection {
  optOut: boolean;
  confidence: number;
  matched?: string;
}

/** At or above this confidence a message is an opt-out; weaker cues ("not interested") only report a confidence. */
export const OPT_OUT_THRESHOLD = 0.8;
const POLITE = /^(?:please|pls|plz|por favor|s'il vous plait|svp|bitte|now|ya|thanks|thank you|gracias|merci|danke)\s+|\s+(?:please|pls|plz|por favor|s'il vous plait|svp|bitte|now|ya|thanks|thank you|gracias|merci|danke)$/g;

/** Plain-language opt-out ("stop texting me", "unsubscribe me please", "para", "arrêtez"), high recall. */
export function detectOptOut(text: string): OptOutDetection {
  const folded = foldText(text).replace(/[’`]/g, "'");
  const words = folded.replace(/[^\p{L}\p{N}' -]+/gu, ' ').replace(/\s+/g, ' ').trim();
  const core = stripPolite(words);
  let best: OptOutDetection = { optOut: false, confidence: 0 };
  for (const { pattern, confidence, whole } of OPT_OUT_PHRASES) {
    if (confidence <= best.confidence) continue;
    const subject = whole ? core : words;
    const m = subject.match(pattern);
    if (!m || (!whole && NEGATION_BEFORE.test(subject.slice(0, m.index)))) continue;
    best = { optOut: confidence >= OPT_OUT_THRESHOLD, confidence, matched: m[0].trim() };
  }

  return best;
}

function stripPolite(text: string): string {
  let previous;
  let out = text;
  do {
    previous = out;
    out = out.replace(POLITE, '').trim();
  } while (out !== previous);

  return out;
}
