import { API_ROLES, SqlApiKeys, type ApiRole, type SqlDatabase } from '@parley/persistence';
import { DATABASE } from '../apps/server/src/tokens';
import { listAdminRoutes } from './support/admin-routes';
import { startApp, type RunningApp } from './support/app';

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
    expect(listAdminRoutes(running).length).toBeGreaterThanOrEqual(6);
  });

  it('declares which roles may call each route', () => {
    const missing = listAdminRoutes(running).filter((r) => !r.roles?.length);
    expect(missing).toEqual([]);
  });

  it('answers 401 without a key and 403 to a role outside the rule, for every route and role', async () => {
    const id = '0190b6a4-0000-7000-8000-000000000000';
    for (const route of listAdminRoutes(running)) {
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
