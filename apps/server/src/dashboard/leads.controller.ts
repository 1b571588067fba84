import { Controller, Get, Header, NotFoundException, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ApiDoc } from '../admin/api-doc.decorator';
import { leadExample, leadListExample } from './dashboard-api-examples';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { parseInput } from '../admin/parse-input';
import { ANY_ROLE, Roles } from '../admin/roles.decorator';
import { toCsv } from './csv';
import { DashboardReadModel } from './dashboard-read-model';
import { LIFECYCLE_STAGES, type Lead } from './lead-index';
import { readLead } from './read-lead';

const listQuery = z.strictObject({
  q: z.string().max(200).optional(),
  lifecycle: z.enum(LIFECYCLE_STAGES).optional(),
  segment: z.string().max(128).optional(),
  channel: z.string().max(32).optional(),
  consent: z.enum(['granted', 'revoked', 'none']).optional(),
  minScore: z.coerce.number().finite().optional(),
  maxScore: z.coerce.number().finite().optional(),
  sort: z.enum(['score', 'name', 'createdAt', 'updatedAt', 'lifecycle']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});
type ListQuery = z.infer<typeof listQuery>;
const contactId = z.string().uuid();
const CSV_COLUMNS: (keyof Lead & string)[] = ['id', 'name', 'email', 'phone', 'segment', 'score', 'lifecycle', 'consent', 'channels', 'handedOff', 'createdAt', 'updatedAt'];

function matches(lead: Lead, q: ListQuery): boolean {
  const needle = q.q?.trim().toLowerCase();
  if (needle && ![lead.name, lead.email, lead.phone, lead.id].some((v) => v?.toLowerCase().includes(needle))) return false;
  if (q.lifecycle && lead.lifecycle !== q.lifecycle) return false;
  if (q.segment && !lead.segmentIds.includes(q.segment) && !(lead.segment ?? '').split(', ').includes(q.segment)) return false;
  if (q.channel && !lead.channels.includes(q.channel)) return false;
  if (q.consent && lead.consent !== q.consent) return false;
  if (q.minScore !== undefined && lead.score < q.minScore) return false;
  return q.maxScore === undefined || lead.score <= q.maxScore;
}

function compare(sort: ListQuery['sort']): (a: Lead, b: Lead) => number {
  if (sort === 'score') return (a, b) => a.score - b.score;
  if (sort === 'lifecycle') return (a, b) => LIFECYCLE_STAGES.indexOf(a.lifecycle) - LIFECYCLE_STAGES.indexOf(b.lifecycle);
  if (sort === 'name') return (a, b) => (a.name ?? '').localeCompare(b.name ?? '');
  return (a, b) => (a[sort] < b[sort] ? -1 : a[sort] > b[sort] ? 1 : 0); // ISO times: plain string order, no locale rules
}

/** Leads for the dashboard: a filtered, sorted page (or every match as CSV) and one lead's whole story. */
@Controller('api/v1/leads')
@UseGuards(ApiKeyGuard)
export class LeadsController {
  constructor(private readonly model: DashboardReadModel) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiDoc({ summary: 'Leads: search, filter (stage, segment, channel, consent, score range), sort and page; ?format=csv exports every match', query: listQuery, response: leadListExample })
  @Header('Cache-Control', 'no-store')
  async list(@Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const q = parseInput(listQuery, query);
    const direction = q.order === 'asc' ? 1 : -1;
    const byField = compare(q.sort);
    const found = (await this.model.index()).leads.filter((lead) => matches(lead, q)).sort((a, b) => direction * byField(a, b) || (a.id < b.id ? -1 : 1));
    if (q.format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="leads.csv"');
      return toCsv(CSV_COLUMNS, found);
    }
    return { total: found.length, limit: q.limit, offset: q.offset, items: found.slice(q.offset, q.offset + q.limit) };
  }

  @Get(':id')
  @Roles(...ANY_ROLE)
  @ApiDoc({ summary: "One lead: attributes, conversations, consent, the score's explanation and a timeline", response: leadExample })
  @Header('Cache-Control', 'no-store')
  async one(@Param('id') id: string) {
    const wanted = parseInput(contactId, id);
    const found = await readLead(this.model.db.sql, wanted, this.model.leadThresholds);
    if (!found) throw new NotFoundException(`no contact ${wanted}`);
    return found;
  }

}
