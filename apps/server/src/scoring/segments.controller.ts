import { Body, ConflictException, Controller, Get, NotFoundException, Param, Post, Query, UseGuards, UseInterceptors } from '@nestjs/common';
import { Clock } from '@parley/engine';
import { segmentDefinitionSchema } from '@parley/scoring';
import { z } from 'zod';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import { parseInput } from '../admin/parse-input';
import { ApiDoc } from '../admin/api-doc.decorator';
import { segmentBodyExample, segmentExample, segmentListExample, segmentMembersExample } from './scoring-api-examples';
import { Roles, WRITERS } from '../admin/roles.decorator';
import { LeadScoringService } from './lead-scoring.service';

const segmentId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/);
const page = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Named filters over contacts, with live membership (kept current on every score job). */
@Controller('api/v1/segments')
@UseGuards(ApiKeyGuard)
@UseInterceptors(AuditInterceptor)
export class SegmentsController {
  constructor(
    private readonly scoring: LeadScoringService,
    private readonly clock: Clock,
  ) {}

  @Post()
  @ApiDoc({ summary: 'Create a segment (named filter with all/any/not); its membership is filled now and kept current per event', body: segmentDefinitionSchema, bodyExample: segmentBodyExample, response: segmentExample, status: 201 })
  @Roles(...WRITERS)
  async create(@Body() body: unknown) {
    const segment = parseInput(segmentDefinitionSchema, body);
    if (!(await this.scoring.segments.create(segment, (body as { filter: unknown }).filter, this.clock.now()))) throw new ConflictException(`segment ${segment.id} exists`);
    await this.scoring.reloadSegments();
    await this.scoring.segments.backfill([segment], this.scoring.setup.rules(), this.clock.now());
    return this.scoring.segments.find(segment.id);
  }

  @Get()
  @ApiDoc({ summary: 'Segments with their member counts', response: segmentListExample })
  @Roles('admin', 'marketer', 'sales', 'readonly')
  async list() {
    return { items: await this.scoring.segments.list() };
  }

  @Get(':id')
  @ApiDoc({ summary: 'One segment with its member count', response: segmentExample })
  @Roles('admin', 'marketer', 'sales', 'readonly')
  async find(@Param('id') id: string) {
    const segment = await this.scoring.segments.find(parseInput(segmentId, id));
    if (!segment) throw new NotFoundException(`no segment ${id}`);
    return segment;
  }

  @Get(':id/contacts')
  @ApiDoc({ summary: 'Contacts in a segment now, paginated, with the total', query: page, response: segmentMembersExample })
  @Roles('admin', 'marketer', 'sales', 'readonly')
  async contacts(@Param('id') id: string, @Query() query: unknown) {
    const { limit, offset } = parseInput(page, query);
    const segment = await this.scoring.segments.find(parseInput(segmentId, id));
    if (!segment) throw new NotFoundException(`no segment ${id}`);
    const { total, items } = await this.scoring.segments.members(segment.id, limit, offset);
    return { segmentId: segment.id, total, limit, offset, items };
  }
}
