import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { ApiDoc } from '../admin/api-doc.decorator';
import { funnelExample } from './dashboard-api-examples';
import { ApiKeyGuard } from '../admin/api-key.guard';
import { parseInput } from '../admin/parse-input';
import { ANY_ROLE, Roles } from '../admin/roles.decorator';
import { DashboardReadModel } from './dashboard-read-model';
import { funnelOf } from './funnel';
import { intentDistribution } from './intent-distribution';

const funnelQuery = z.strictObject({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  flow: z.string().max(128).optional(),
  channel: z.string().max(32).optional(),
});

/** Conversations → engaged → lead → MQL → SQL → handed off, for the dashboard's funnel chart. */
@Controller('api/v1/funnel')
@UseGuards(ApiKeyGuard)
export class FunnelController {
  constructor(private readonly model: DashboardReadModel) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiDoc({ summary: 'Funnel counts (conversations, engaged, lead, MQL, SQL, handed off) per flow, channel and A/B arm over a date range', query: funnelQuery, response: funnelExample })
  @Header('Cache-Control', 'no-store')
  async funnel(@Query() query: unknown) {
    const filter = parseInput(funnelQuery, query);
    const [index, intents] = await Promise.all([this.model.index(), intentDistribution(this.model.db.sql, filter)]);
    return { ...funnelOf(index, filter), intents, filter };
  }
}
