import { Inject, Logger } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import { SqlDashboardSessions } from '@parley/persistence';
import type { Namespace, Socket } from 'socket.io';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';
import { ConversationFeed, DASHBOARD_NAMESPACE } from './conversation-feed';
import { cookieValue, SESSION_COOKIE } from './session-cookie';

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
export class DashboardGateway implements OnGatewayInit {
  private readonly logger = new Logger('Dashboard');
  private readonly sessions: SqlDashboardSessions;

  constructor(
    private readonly feed: ConversationFeed,
    @Inject(DATABASE) db: OpenDatabase,
  ) {
    this.sessions = new SqlDashboardSessions(db.sql);
  }

  afterInit(namespace: Namespace): void {
    this.feed.attach(namespace);
    namespace.use((socket, next) => {
      const token = cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE);
      if (!token || !sameOrigin(socket)) return next(new Error('unauthorized'));
      this.sessions
        .find(token, new Date())
        .then((identity) => {
          if (!identity) return next(new Error('unauthorized'));
          socket.data.apiKey = identity;
          next();
        })
        .catch((error: unknown) => {
          this.logger.warn(`dashboard handshake failed: ${String(error)}`);
          next(new Error('unavailable'));
        });
    });
  }
}
