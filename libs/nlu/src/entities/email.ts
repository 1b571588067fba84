import type { Entity } from '@parley/core';
import { entity } from './entity-context';

// The local part may not start after a letter or digit (so "x@y" inside a longer token is not cut) nor start/end with a dot.
const EMAIL = /(?<![\p{L}\p{N}_%+-])[\p{L}\p{N}_%+-]+(?:\.[\p{L}\p{N}_%+-]+)*@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}(?![\p{L}\p{N}@])/gu;

export function extractEmails(text: string): Entity[] {
  if (!text.includes('@')) return [];

  return [...text.matchAll(EMAIL)].map((m) => entity('email', m[0].toLowerCase(), text, m.index, m.index + m[0].length));
}
