import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SqlApiKeys, SqlDashboardSessions, type ApiKeyIdentity, type ApiRole } from '@parley/persistence';
import type { FastifyRequest } from 'fastify';
import type { OpenDatabase } from '../database.provider';
import { DASHBOARD_HEADER, sessionToken } from '../dashboard/session-cookie';
import { DATABASE } from '../tokens';
import { ROLES_KEY } from './roles.decorator';

export type AdminRequest = FastifyRequest & { apiKey?: ApiKeyIdentity };

/**
 * `Authorization: Bearer <key>`, or the dashboard's session cookie together with its `X-Parley-Dashboard: 1`
 * header (the CSRF defence with SameSite=Strict); the route's role rule decides either way.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly keys: SqlApiKeys;
  private readonly sessions: SqlDashboardSessions;

  constructor(
    private readonly reflector: Reflector,
    @Inject(DATABASE) db: OpenDatabase,
  ) {
    this.keys = new SqlApiKeys(db.sql);
    this.sessions = new SqlDashboardSessions(db.sql);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const identity = await this.identify(request);
    const roles = this.reflector.getAllAndOverride<ApiRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles?.includes(identity.role)) throw new ForbiddenException(`the ${identity.role} role may not do this`);
    request.apiKey = identity;
    return true;
  }

  private async identify(request: AdminRequest): Promise<ApiKeyIdentity> {
    const header = request.headers.authorization;
    const session = header === undefined ? sessionToken(request) : undefined;
    if (session) {
      if (request.headers[DASHBOARD_HEADER] !== '1') throw new ForbiddenException(`a dashboard session must send ${DASHBOARD_HEADER}: 1`);
      const identity = await this.sessions.find(session, new Date());
      if (!identity) throw new UnauthorizedException('the dashboard session has expired or its key was revoked; log in again');
      return identity;
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!match) throw new UnauthorizedException('send Authorization: Bearer <api key>');
    const identity = await this.keys.find(match[1]);
    if (!identity) throw new UnauthorizedException('unknown or revoked API key');
    return identity;
  }
}
