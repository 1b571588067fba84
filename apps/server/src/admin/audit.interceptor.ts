import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { SqlAuditLog } from '@parley/persistence';
import { from, mergeMap, type Observable } from 'rxjs';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';
import type { AdminRequest } from './api-key.guard';

/** Every admin write (any method but GET) leaves an AuditEvent: who, what, on what, from where, when. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly audit: SqlAuditLog;

  constructor(@Inject(DATABASE) db: OpenDatabase) {
    this.audit = new SqlAuditLog(db.sql);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    if (request.method === 'GET' || request.method === 'HEAD') return next.handle();
    const params = (request.params ?? {}) as Record<string, string>;
    return next.handle().pipe(
      mergeMap((result) =>
        from(
          this.audit
            .record(
              {
                actor: request.apiKey ? `apikey:${request.apiKey.prefix} (${request.apiKey.name})` : 'anonymous',
                action: `${request.method} ${request.routeOptions?.url ?? request.url}`,
                target: params.id,
                ip: request.ip,
              },
              new Date(),
            )
            .then(() => result),
        ),
      ),
    );
  }
}
