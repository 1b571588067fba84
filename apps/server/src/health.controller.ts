import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { channelStatuses, type ParleyConfig } from '@parley/config';
import type { SqlDatabase } from '@parley/persistence';
import { CONFIG, DATABASE } from './tokens';

@Controller()
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    @Inject(CONFIG) private readonly config: ParleyConfig,
    @Inject(DATABASE) private readonly db: { sql: SqlDatabase },
  ) {}

  @Get('health')
  async health() {
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
