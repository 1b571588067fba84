import { Inject, Logger, type OnModuleDestroy } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import { SqlDashboardSessions, hashApiKey } from '@parley/persistence';
import type { Namespace, Socket } from 'socket.io';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';
import { ConversationFeed, DASHBOARD_NAMESPACE } from './conversation-feed';
import { cookieValue, SESSION_COOKIE } from './session-cookie';

/** A room per session, named by a hash of its token (room names travel through Redis; the token must not). */
const sessionRoom = (token: string) => `session:${hashApiKey(token).slice(0, 32)}`;

/** Open sockets are checked against their session this often. */
const SESSION_RECHECK_MS = 30_000;

/** Same-origin only: a page on another site must not open a dashboard socket with the visitor's cookie. */
function sameOrigin(socket: Socket): boolean {
  const { origin, host } = socket.handshake.headers;
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The dashboard's live feed: a socket is let in only with a valid session cookie in its handshake. */
@WebSocketGateway({ namespace: DASHBOARD_NAMESPACE })
export class DashboardGateway implements OnGatewayInit, OnModuleDestroy {
  private readonly logger = new Logger('Dashboard');
  private readonly sessions: SqlDashboardSessions;
  private recheck?: NodeJS.Timeout;
  private namespace?: Namespace;

  constructor(
    private readonly feed: ConversationFeed,
    @Inject(DATABASE) db: OpenDatabase,
  ) {
    this.sessions = new SqlDashboardSessions(db.sql);
  }

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    this.feed.attach(namespace);
    this.recheck = setInterval(() => void this.dropEndedSessions(namespace), SESSION_RECHECK_MS);
    this.recheck.unref();
    namespace.use((socket, next) => {
      const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
      if (!token || !sameOrigin(socket)) return next(new Error('unauthorized'));
      this.sessions
        .find(token, new Date())
        .then((identity) => {
          if (!identity) return next(new Error('unauthorized'));
          socket.data.apiKey = identity;
          socket.data.sessionToken = token;
          void socket.join(sessionRoom(token));
          next();
        })
        .catch((error: unknown) => {
          this.logger.warn(`dashboard handshake failed: ${String(error)}`);
          next(new Error('unavailable'));
        });
    });
  }

  /** Closes every socket of a session, on every instance (the adapter carries it): a logout ends the live feed too. */
  endSession(token: string): void {
    this.namespace?.in(sessionRoom(token)).disconnectSockets(true);
  }

  onModuleDestroy(): void {
    clearInterval(this.recheck);
  }

  /** A logout, an expiry or a revoked key also closes the sockets this instance holds for that session. */
  private async dropEndedSessions(namespace: Namespace): Promise<void> {
    const now = new Date();
    for (const socket of namespace.sockets.values()) {
      const token = socket.data.sessionToken as string | undefined;
      const identity = token ? await this.sessions.find(token, now).catch(() => 'unknown' as const) : undefined;
      if (!identity) socket.disconnect(true);
    }
  }
}
