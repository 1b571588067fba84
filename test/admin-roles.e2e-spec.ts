import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { API_ROLES, SqlApiKeys, type ApiRole, type SqlDatabase } from '@parley/persistence';
import { ROLES_KEY } from '../apps/server/src/admin/roles.decorator';
import { DATABASE } from '../apps/server/src/tokens';
import { startApp, type RunningApp } from './support/app';

interface AdminRoute {
  method: string;
  path: string;
  roles: ApiRole[] | undefined;
}

/** Every admin route the app registered, read from the controllers themselves, so a new route cannot be missed. */
function adminRoutes(running: RunningApp): AdminRoute[] {
  const routes: AdminRoute[] = [];
  for (const module of running.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
      if (!type?.prototype) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = type.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler))].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        if (!path.startsWith('/api/v1')) continue;
        const roles = Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, type);
        routes.push({ method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number], path, roles });
      }
    }
  }
  return routes;
}

describe('admin API: every route has a role rule, and each role gets exactly what the rule says', () => {
  let running: RunningApp;
  const keys = {} as Record<ApiRole, string>;

  beforeAll(async () => {
    running = await startApp();
    const apiKeys = new SqlApiKeys(running.app.get<{ sql: SqlDatabase }>(DATABASE).sql);
    for (const role of API_ROLES) keys[role] = (await apiKeys.create(`${role}-key`, role, new Date())).key;
  });
  afterAll(() => running?.close());

  it('finds the admin routes', () => {
    expect(adminRoutes(running).length).toBeGreaterThanOrEqual(6);
  });

  it('declares which roles may call each route', () => {
    const missing = adminRoutes(running).filter((r) => !r.roles?.length);
    expect(missing).toEqual([]);
  });

  it('answers 401 without a key and 403 to a role outside the rule, for every route and role', async () => {
    const id = '0190b6a4-0000-7000-8000-000000000000';
    for (const route of adminRoutes(running)) {
      const url = `${running.url}${route.path.replace(/:\w+/g, id)}`;
      const call = (key?: string) =>
        fetch(url, {
          method: route.method,
          headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
          body: route.method === 'GET' ? undefined : '{}',
        });
      expect({ route: route.path, status: (await call()).status }).toEqual({ route: route.path, status: 401 });
      for (const role of API_ROLES) {
        const status = (await call(keys[role])).status;
        const allowed = route.roles!.includes(role);
        expect({ route: `${route.method} ${route.path}`, role, denied: status === 403 || status === 401 }).toEqual({
          route: `${route.method} ${route.path}`,
          role,
          denied: !allowed,
        });
        expect(status).toBeLessThan(500);
      }
    }
  });
});
