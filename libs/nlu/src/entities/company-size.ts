import type { Entity } from '@parley/core';
import { entity } from './entity-context';
import { parseQuantity, QUANTITY } from './numerals';

const Q = `(${QUANTITY})`;
const ABOUT = String.raw`(?:(?:about|around|roughly|approximately|approx\.?|~|over|more than|less than|under|nearly|almost|some|close to|just over|just under)\s?)?`;
const PEOPLE = String.raw`(?:people|persons|employees|staff(?:ers)?|workers|folks|team members|members|heads|ftes?|colleagues|engineers|developers|of us)\b`;
const ORG = String.raw`(?:team|company|business|startup|start-up|firm|org|organi[sz]ation|agency|shop)`;
const PERSON = String.raw`(?:person|people|employee|man|woman)`;

type Reading = (m: RegExpMatchArray) => number | undefined;
const count: Reading = (m) => parseQuantity(m[1]);
const midpoint: Reading = (m) => {
  const [low, high] = [parseQuantity(m[1]), parseQuantity(m[2])];

  return low === undefined || high === undefined ? undefined : Math.round((low + high) / 2);
};

const MAY_HOLD_SIZE = new RegExp(String.raw`${PEOPLE}|${ORG}|${PERSON}|headcount|\bwe(?:'re| are)\b|\b(?:me|myself|solo(?:preneur)?)\b`, 'iu');

/** Most specific first: a range must win over the plain count inside it. */
const PATTERNS: [RegExp, Reading][] = [
  [String.raw`(?:between\s)?${ABOUT}${Q}\+?\s?(?:-|–|to|and)\s?${Q}\+?\s${PEOPLE}`, midpoint],
  [String.raw`${ABOUT}${Q}\+?\s${PEOPLE}`, count],
  [String.raw`\b(?:${ORG}|staff|headcount)(?: size)? (?:of|is)\s${ABOUT}${Q}`, count],
  [String.raw`${Q}[-\s]${PERSON}\s${ORG}`, count],
  [String.raw`\bwe(?:'re| are)\s${ABOUT}${Q}(?=\s(?:strong|people)\b|\s*[.!]?\s*$)`, count],
  [String.raw`\b(?:just|only) (?:me|myself)\b|\bsolo(?:preneur)?\b|\bone[- ](?:man|woman|person) (?:band|show|${ORG})`, () => 1],
].map(([source, reading]) => [new RegExp(source as string, 'giu'), reading as Reading]);

/**
 * Head counts: "about 250 people" → 250, "a team of 12" → 12, "just me" → 1.
 * A range ("200-1000 employees") yields its midpoint, rounded (600).
 */
export function extractCompanySizes(text: string): Entity[] {
  if (!MAY_HOLD_SIZE.test(text)) return [];
  const found: Entity[] = [];
  for (const [pattern, reading] of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const value = reading(m);
      const end = m.index + m[0].length;
      if (value === undefined || value <= 0 || found.some((e) => m.index < e.end && end > e.start)) continue;
      found.push(entity('company_size', value, text, m.index, end));
    }
  }

  return found.sort((a, b) => a.start - b.start);
}
