import { API_ROLES, SqlApiKeys, type ApiRole, type SqlDatabase } from '@parley/persistence';
import { DATABASE } from '../../apps/server/src/tokens';
import type { Socket } from 'socket.io-client';
import type { RunningApp } from './app';

/** One API key per role, created in the running app's database the way `parley apikey create` does. */
export async function keysByRole(running: RunningApp): Promise<Record<ApiRole, { key: string; id: string }>> {
  const apiKeys = new SqlApiKeys(running.app.get<{ sql: SqlDatabase }>(DATABASE).sql);
  const keys = {} as Record<ApiRole, { key: string; id: string }>;
  for (const role of API_ROLES) {
    const created = await apiKeys.create(`${role}-dashboard`, role, new Date());
    keys[role] = { key: created.key, id: created.identity.id };
  }
  return keys;
}

/** Logs in over HTTP and returns the session cookie (name=value) the server set. */
export async function login(url: string, key: string): Promise<{ cookie: string; setCookie: string; body: unknown }> {
  const response = await fetch(`${url}/dashboard/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key }) });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0], setCookie, body: await response.json() };
}

/** A dashboard API call: the session cookie plus the header the dashboard always sends. */
export function dashboardFetch(url: string, cookie: string, path: string, init: { method?: string; body?: unknown; header?: boolean } = {}) {
  return fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      cookie,
      ...(init.header === false ? {} : { 'x-parley-dashboard': '1' }),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
}

/** The next `event` on the dashboard feed whose payload passes `predicate`. */
export function nextEvent<T>(socket: Socket, event: string, predicate: (payload: T) => boolean, timeoutMs = 8000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const listener = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}
