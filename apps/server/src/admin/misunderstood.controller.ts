import { Body, Controller, Get, Inject, NotFoundException, Param, Post, Query, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { SqlMisunderstoodQueue } from '@parley/persistence';
import { z } from 'zod';
import type { OpenDatabase } from '../database.provider';
import { RetrainableUnderstanding } from '../nlu.provider';
import { DATABASE } from '../tokens';
import { ApiKeyGuard, type AdminRequest } from './api-key.guard';
import { AuditInterceptor } from './audit.interceptor';
import { parseInput } from './parse-input';
import { ANY_ROLE, Roles, WRITERS } from './roles.decorator';
import { ApiDoc } from './api-doc.decorator';
import { labelBodyExample, misunderstoodExample, misunderstoodListExample, retrainExample } from './api-examples';

const listQuery = z.strictObject({
  labelled: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const labelBody = z.strictObject({ intent: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _').max(64) });
const idParam = z.string().uuid();

/** The misunderstood queue: what the NLU could not place, for a marketer to label and retrain on. */
@Controller('api/v1/nlu')
@UseGuards(ApiKeyGuard)
@UseInterceptors(AuditInterceptor)
export class MisunderstoodController {
  private readonly queue: SqlMisunderstoodQueue;

  constructor(
    @Inject(DATABASE) db: OpenDatabase,
    private readonly nlu: RetrainableUnderstanding,
  ) {
    this.queue = new SqlMisunderstoodQueue(db.sql);
  }

  @Get('misunderstood')
  @ApiDoc({ summary: 'Utterances the NLU could not place, newest first', query: listQuery, response: misunderstoodListExample })
  @Roles(...ANY_ROLE)
  async list(@Query() query: unknown) {
    const { labelled, limit, offset } = parseInput(listQuery, query);
    const items = await this.queue.list({ labelled: labelled === undefined ? undefined : labelled === 'true', limit, offset });
    return { items, limit, offset };
  }

  @Post('misunderstood/:id/label')
  @ApiDoc({ summary: 'Label a misunderstood utterance with the intent it meant', body: labelBody, bodyExample: labelBodyExample, response: { ...misunderstoodExample, label: 'integrations', labelledBy: 'marketing-team' }, status: 201 })
  @Roles(...WRITERS)
  async label(@Param('id') id: string, @Body() body: unknown, @Req() request: AdminRequest) {
    const { intent } = parseInput(labelBody, body);
    const labelled = await this.queue.label(parseInput(idParam, id), intent, request.apiKey!.name, new Date());
    if (!labelled) throw new NotFoundException(`no misunderstood utterance ${id}`);
    return labelled;
  }

  @Post('retrain')
  @ApiDoc({ summary: 'Retrain the NLU on the intent files plus labelled utterances; the chat keeps running', response: retrainExample, status: 201 })
  @Roles(...WRITERS)
  retrain() {
    return this.nlu.retrain();
  }
}
