import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { channelStatuses, type ParleyConfig } from '@parley/config';
import type { SqlDatabase } from '@parley/persistence';
import { ShutdownState } from './shutdown/shutdown-state';
import { CONFIG, DATABASE } from './tokens';

@Controller()
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(CONFIG) private readonly config: ParleyConfig,
    @Inject(DATABASE) private readonly db: { sql: SqlDatabase },
    private readonly shutdown: ShutdownState,
  ) {}

  /** Readiness and liveness: 503 while the database is unreachable, and 503 `draining` once SIGTERM arrived (take no new traffic). */
  @Get('health')
  async health() {
    if (this.shutdown.draining) throw new ServiceUnavailableException({ status: 'draining' });
    try {
      await this.db.sql.get('SELECT 1 AS ok');
    } catch {
      throw new ServiceUnavailableException({ status: 'down', database: 'unreachable' });
    }
    return {
      status: 'ok',
      database: this.db.sql.dialect,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
      channels: channelStatuses(this.config),
    };
  }
}
