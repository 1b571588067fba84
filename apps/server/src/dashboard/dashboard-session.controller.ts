import { Body, Controller, ForbiddenException, Get, Header, HttpCode, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { SqlApiKeys, SqlAuditLog, SqlDashboardSessions } from '@parley/persistence';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseInput } from '../admin/parse-input';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';
import { DashboardReadModel } from './dashboard-read-model';
import { DashboardGateway } from './dashboard.gateway';
import { DASHBOARD_HEADER, SESSION_TTL_MS, sessionCookie, sessionToken } from './session-cookie';

const loginBody = z.strictObject({ key: z.string().min(1).max(200) });

/** Logging in trades an API key for a session cookie; the key itself never reaches the browser's storage. */
@Controller('dashboard')
export class DashboardSessionController {
  private readonly keys: SqlApiKeys;
  private readonly sessions: SqlDashboardSessions;
  private readonly audit: SqlAuditLog;

  constructor(
    @Inject(DATABASE) db: OpenDatabase,
    private readonly model: DashboardReadModel,
    private readonly gateway: DashboardGateway,
  ) {
    this.keys = new SqlApiKeys(db.sql);
    this.sessions = new SqlDashboardSessions(db.sql);
    this.audit = new SqlAuditLog(db.sql);
  }

  @Post('login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async login(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { key } = parseInput(loginBody, body);
    const identity = await this.keys.find(key);
    if (!identity) throw new UnauthorizedException('unknown or revoked API key');
    const now = new Date();
    const { token } = await this.sessions.create(identity.id, now, SESSION_TTL_MS);
    await this.audit.record({ actor: `apikey:${identity.prefix} (${identity.name})`, action: 'POST /dashboard/login', ip: request.ip }, now);
    reply.header('set-cookie', sessionCookie(token, SESSION_TTL_MS / 1000, request.protocol === 'https'));
    this.model.warm(); // the leads and funnel snapshot is read while the first page loads
    return { name: identity.name, role: identity.role };
  }

  @Post('logout')
  @HttpCode(200)
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const token = sessionToken(request);
    if (token) {
      await this.sessions.end(token);
      this.gateway.endSession(token);
    }
    reply.header('set-cookie', sessionCookie('', 0, request.protocol === 'https'));
    return { ok: true };
  }

  @Get('session')
  @Header('Cache-Control', 'no-store')
  async session(@Req() request: FastifyRequest) {
    const token = sessionToken(request);
    if (request.headers[DASHBOARD_HEADER] !== '1') throw new ForbiddenException(`send ${DASHBOARD_HEADER}: 1`);
    const identity = token && (await this.sessions.find(token, new Date()));
    if (!identity) throw new UnauthorizedException('not logged in');
    return { name: identity.name, role: identity.role };
  }
}
