import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { ApiRole } from '@parley/persistence';
import { ROLES_KEY } from '../../apps/server/src/admin/roles.decorator';
import type { RunningApp } from './app';

export interface AdminRoute {
  method: string;
  path: string;
  /** The route's role rule (@Roles on the handler or its controller); undefined when it has none. */
  roles: ApiRole[] | undefined;
}

/** Every /api/v1 route the running app registered, read from its controllers so a new route is never missed. */
export function listAdminRoutes(running: RunningApp): AdminRoute[] {
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
