import { ForbiddenException, Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SqlApiKeys, type ApiKeyIdentity, type ApiRole } from '@parley/persistence';
import type { FastifyRequest } from 'fastify';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';
import { ROLES_KEY } from './roles.decorator';

export type AdminRequest = FastifyRequest & { apiKey?: ApiKeyIdentity };

/** `Authorization: Bearer <key>` only; the route's role rule decides. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly keys: SqlApiKeys;

  constructor(
    private readonly reflector: Reflector,
    @Inject(DATABASE) db: OpenDatabase,
  ) {
    this.keys = new SqlApiKeys(db.sql);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('send Authorization: Bearer <api key>');
    const identity = await this.keys.find(match[1]);
    if (!identity) throw new UnauthorizedException('unknown or revoked API key');
    const roles = this.reflector.getAllAndOverride<ApiRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!roles?.includes(identity.role)) throw new ForbiddenException(`the ${identity.role} role may not do this`);
    request.apiKey = identity;
    return true;
  }
}
