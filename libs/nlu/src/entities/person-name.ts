import type { Entity } from '@parley/core';
import { entity, type ExtractionContext } from './entity-context';
import { NOT_NAMES } from './not-names';

const WORD = String.raw`\p{L}[\p{L}'’-]*`;
const NAME = String.raw`${WORD}(?:\s+${WORD}){0,2}(?![\p{L}\p{N}'’@-]|\.\p{L})`;
const CUE = String.raw`my name is|my name's|name's|name is|call me|this is|i am|i'm|im|it's|it is|me llamo|soy|je m'appelle|je suis|ich bin|ich heiße|mein name ist`;
const CUED = new RegExp(String.raw`(?<![\p{L}])(?:${CUE})\s+(${NAME})`, 'giu');
const BARE = new RegExp(String.raw`^\s*(${NAME})\s*[.!]?\s*$`, 'u');
const NAME_TYPES = ['person_name', 'text'];

/** A person's name, only while the conversation asks for one: "I'm Jane", "my name is jean-luc picard", "Jane Doe". */
export function extractPersonNames(text: string, context: ExtractionContext): Entity[] {
  if (!context.expected.some((type) => NAME_TYPES.includes(type))) return [];
  for (const m of text.matchAll(CUED)) {
    const name = leadingNameWords(m[1]);
    if (name) {
      const start = m.index + m[0].length - m[1].length;

      return [entity('person_name', tidy(name), text, start, start + name.length)];
    }
  }
  const bare = text.match(BARE);
  const name = bare && leadingNameWords(bare[1]);
  if (!bare || name !== bare[1]) return [];
  const start = bare.index! + bare[0].indexOf(bare[1]);

  return [entity('person_name', tidy(name), text, start, start + name.length)];
}

/** The words up to the first one that cannot be part of a name ("Jane from Acme" → "Jane"). */
function leadingNameWords(candidate: string): string {
  let end = 0;
  for (const word of candidate.matchAll(/\S+/g)) {
    if (NOT_NAMES.has(word[0].toLowerCase())) break;
    end = word.index + word[0].length;
  }

  return candidate.slice(0, end);
}

function tidy(name: string): string {
  if (/\p{Lu}/u.test(name)) return name;

  return name.replace(/(^|[\s'’-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
