import type { HelloPayload } from './protocol';

export interface WidgetOptions {
  serverUrl: string;
  title: string;
  color?: string;
}

/** The same limits the server's hello schema enforces; longer values would get the whole hello refused. */
const LIMITS = { url: 2048, title: 512, locale: 35, utmKey: 64, utmValue: 256 };

function originOf(candidate: string | null | undefined): string | undefined {
  if (!candidate) return undefined;
  try {
    const url = new URL(candidate, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the embedding tag: the server is wherever widget.js came from, unless data-parley-url says otherwise. */
export function resolveOptions(script: HTMLScriptElement | null): WidgetOptions {
  const color = script?.getAttribute('data-parley-color')?.trim();
  return {
    serverUrl:
      originOf(script?.getAttribute('data-parley-url')?.trim()) ?? originOf(script?.src) ?? window.location.origin,
    title: script?.getAttribute('data-parley-title')?.trim() || 'Parley',
    color: color && /^#[0-9a-f]{3,8}$/i.test(color) ? color : undefined,
  };
}

function clip(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

export function readUtm(search: string): Record<string, string> | undefined {
  const utm: Record<string, string> = {};
  new URLSearchParams(search).forEach((value, key) => {
    if (key.startsWith('utm_') && key.length <= LIMITS.utmKey) utm[key] = clip(value, LIMITS.utmValue);
  });
  return Object.keys(utm).length ? utm : undefined;
}

/**
 * Hello payloads from richest to barest. If the server refuses one (a field it no longer
 * accepts, a visitor id it rejects), the next one still gets the visitor a conversation.
 */
export function helloPayload(visitorId: string | undefined, fallback: number): HelloPayload {
  if (fallback >= 2) return {};
  if (fallback === 1) return visitorId ? { visitorId } : {};
  const hello: HelloPayload = {
    page: { url: clip(window.location.href, LIMITS.url), title: clip(document.title, LIMITS.title) },
  };
  if (visitorId) hello.visitorId = visitorId;
  if (navigator.language) hello.locale = clip(navigator.language, LIMITS.locale);
  const utm = readUtm(window.location.search);
  if (utm) hello.utm = utm;
  return hello;
}
