import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'parley_session';
/** Sent by the dashboard on every API call: a cross-site form or image cannot set it, so a cookie alone never authorises. */
export const DASHBOARD_HEADER = 'x-parley-dashboard';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function sessionToken(request: Pick<FastifyRequest, 'headers'>): string | undefined {
  return cookieValue(request.headers.cookie, SESSION_COOKIE);
}

/** httpOnly (no script reads it), SameSite=Strict (no cross-site request carries it), Secure when served over https. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAgeSeconds}`, ...(secure ? ['Secure'] : [])].join('; ');
}
