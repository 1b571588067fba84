import { Controller, Get, Header, Inject, Query, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { ApiDoc } from '../admin/api-doc.decorator';
import { auditListExample } from './dashboard-api-examples';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { parseInput } from '../admin/parse-input';
import { Roles } from '../admin/roles.decorator';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';

const listQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** The audit log of admin writes, newest first: for admins only. */
@Controller('api/v1/audit-events')
@UseGuards(ApiKeyGuard)
export class AuditController {
  constructor(@Inject(DATABASE) private readonly db: OpenDatabase) {}

  @Get()
  @Roles('admin')
  @ApiDoc({ summary: 'The audit log of admin writes and dashboard logins, newest first', query: listQuery, response: auditListExample })
  @Header('Cache-Control', 'no-store')
  async list(@Query() query: unknown) {
    const { limit, offset } = parseInput(listQuery, query);
    const [items, count] = await Promise.all([
      this.db.sql.all<Record<string, unknown>>(
        'SELECT id, actor, action, target, ip, created_at AS "at" FROM audit_events ORDER BY created_at DESC, id LIMIT ? OFFSET ?',
        [limit, offset],
      ),
      this.db.sql.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM audit_events'),
    ]);
    return { total: Number(count?.n ?? 0), limit, offset, items };
  }
}
