import { ConflictException, Controller, Get, NotFoundException, Param, Post, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import { JOB_STATUSES, JobStore, type JobStatus } from '@parley/followup';
import { z } from 'zod';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import { parseInput } from '../admin/parse-input';
import { Roles } from '../admin/roles.decorator';
import { ApiDoc } from '../admin/api-doc.decorator';
import { jobExample, jobListExample } from '../admin/api-examples';

const listQuery = z.strictObject({
  status: z.enum(JOB_STATUSES as [JobStatus, ...JobStatus[]]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const idParam = z.string().min(1).max(64);

/** Side effects waiting, done or given up on; a failed or dead one can be replayed with its idempotency key. */
@Controller('api/v1/jobs')
@UseGuards(ApiKeyGuard)
@UseInterceptors(AuditInterceptor)
export class JobsController {
  constructor(private readonly store: JobStore) {}

  @Get()
  @ApiDoc({ summary: 'Follow-up jobs (email, CRM, webhooks, handoff) by status', query: listQuery, response: jobListExample })
  @Roles('admin', 'marketer', 'readonly')
  async list(@Query() query: unknown) {
    const { status, limit, offset } = parseInput(listQuery, query);
    return { items: await this.store.list({ status, limit, offset }), limit, offset };
  }

  @Post(':id/retry')
  @ApiDoc({ summary: 'Replay a failed or dead job with its idempotency key', response: { ...jobExample, status: 'pending', lastError: null }, status: 201 })
  @Roles('admin')
  async retry(@Param('id') id: string) {
    const outcome = await this.store.retry(parseInput(idParam, id), new Date());
    if (!outcome) throw new NotFoundException(`no job ${id}`);
    if (!outcome.retried) throw new ConflictException(`job ${id} is ${outcome.job.status}; only failed and dead jobs can be retried`);
    return outcome.job;
  }
}
