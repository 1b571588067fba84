import type { Entity } from '@parley/core';
import { entity } from './entity-context';

const TLDS = 'com|io|net|org|co|ai|dev|app|biz|info|tech|xyz|me|us|uk|ca|au|de|fr|es|it|nl|eu|ch|se|in|br';
const WITH_SCHEME = String.raw`https?:\/\/[^\s<>"'\x60]+`;
const WITH_WWW = String.raw`www\.[^\s<>"'\x60]+`;
const BARE = String.raw`(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${TLDS})(?![\p{L}\p{N}-])(?:\/[^\s<>"'\x60]*)?`;
const URL_PATTERN = new RegExp(String.raw`(?<![\p{L}\p{N}@.\/-])(?:${WITH_SCHEME}|${WITH_WWW}|${BARE})`, 'giu');
const TRAILING = /[.,;:!?'"\]}]+$/;

export function extractUrls(text: string): Entity[] {
  if (!text.includes('.')) return [];
  const found: Entity[] = [];
  for (const m of text.matchAll(URL_PATTERN)) {
    const raw = trimPunctuation(m[0]);
    const value = normaliseUrl(raw);
    if (value) found.push(entity('url', value, text, m.index, m.index + raw.length));
  }

  return found;
}

/** Sentence punctuation after a link is not part of it; a closing parenthesis is, when the link opened one. */
function trimPunctuation(raw: string): string {
  let out = raw.replace(TRAILING, '');
  while (out.endsWith(')') && count(out, '(') < count(out, ')')) out = out.slice(0, -1).replace(TRAILING, '');

  return out;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

function normaliseUrl(raw: string): string | undefined {
  try {
    const url = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);

    return url.href;
  } catch {
    return undefined;
  }
}
