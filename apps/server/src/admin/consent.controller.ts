import { Body, Controller, Get, Header, Inject, NotFoundException, Param, Post, Query, Req, Res, UseGuards, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CONSENT_CHANNELS, CONSENT_PURPOSES, consentStatus, disclosureVersionOf, type ConsentRecord } from '@parley/consent';
import { consentLedger } from '@parley/persistence';
import { z } from 'zod';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';
import { ApiKeyGuard, type AdminRequest } from './api-key.guard';
import { AuditInterceptor } from './audit.interceptor';
import { parseInput } from './parse-input';
import { ANY_ROLE, Roles, WRITERS } from './roles.decorator';
import { ApiDoc } from './api-doc.decorator';
import { consentEventsExample, consentGrantExample, consentHistoryExample, consentRecordExample } from './api-examples';

const contactId = z.string().uuid();
const grantBody = z.strictObject({
  channel: z.enum(CONSENT_CHANNELS),
  purpose: z.enum(CONSENT_PURPOSES),
  action: z.enum(['grant', 'revoke']),
  disclosureText: z.string().min(1).max(4000).optional(),
  evidence: z.record(z.string().max(64), z.string().max(1000)).optional(),
});
const exportQuery = z.strictObject({ format: z.enum(['json', 'csv']).default('json') });

const CSV_COLUMNS: (keyof ConsentRecord)[] = ['id', 'contactId', 'seq', 'at', 'channel', 'purpose', 'action', 'source', 'actor', 'disclosureVersion', 'disclosureText', 'evidence', 'prevHash', 'hash'];

function csvCell(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value ?? '');
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Consent with proof: a contact's ledger, changes made by staff, and the export auditors ask for. */
@Controller('api/v1')
@UseGuards(ApiKeyGuard)
@UseInterceptors(AuditInterceptor)
export class ConsentController {
  constructor(@Inject(DATABASE) private readonly db: OpenDatabase) {}

  @Get('contacts/:id/consent')
  @ApiDoc({ summary: "A contact's consent: current status per channel and purpose, and the ledger with proof", response: consentHistoryExample })
  @Roles(...ANY_ROLE)
  async history(@Param('id') id: string) {
    const history = await consentLedger.of(this.db.sql, await this.existing(id));
    const current = CONSENT_CHANNELS.filter((c) => c !== 'all').flatMap((channel) =>
      CONSENT_PURPOSES.filter((p) => p !== 'all').map((purpose) => ({ channel, purpose, status: consentStatus(history, channel, purpose) })),
    );
    return { contactId: id, current, history };
  }

  @Post('contacts/:id/consent')
  @ApiDoc({ summary: 'Record a consent grant or revocation made outside Parley (appended to the hash-chained ledger)', body: grantBody, bodyExample: consentGrantExample, response: consentRecordExample, status: 201 })
  @Roles(...WRITERS)
  async record(@Param('id') id: string, @Body() body: unknown, @Req() request: AdminRequest) {
    const input = parseInput(grantBody, body);
    const contact = await this.existing(id);
    return this.db.sql.transaction((tx) =>
      consentLedger.append(tx, {
        contactId: contact,
        channel: input.channel,
        purpose: input.purpose,
        action: input.action,
        source: 'api',
        disclosureText: input.disclosureText,
        disclosureVersion: input.disclosureText ? disclosureVersionOf(input.disclosureText) : undefined,
        evidence: { ...input.evidence, ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') },
        actor: `apikey:${request.apiKey!.prefix} (${request.apiKey!.name})`,
        at: new Date(),
      }),
    );
  }

  @Get('consent-events')
  @ApiDoc({ summary: 'Every consent event, for an audit (JSON, or CSV with ?format=csv)', query: exportQuery, response: consentEventsExample })
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  async export(@Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const { format } = parseInput(exportQuery, query);
    const records = await consentLedger.all(this.db.sql);
    if (format === 'json') return { count: records.length, events: records };
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header('content-disposition', 'attachment; filename="consent-events.csv"');
    return [CSV_COLUMNS.join(','), ...records.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
  }

  private async existing(id: string): Promise<string> {
    const contact = parseInput(contactId, id);
    const row = await this.db.sql.get<{ id: string }>('SELECT id FROM contacts WHERE id = ?', [contact]);
    if (!row) throw new NotFoundException(`no contact ${contact}`);
    return row.id;
  }
}
