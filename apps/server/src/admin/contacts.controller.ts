import { BadRequestException, Body, Controller, Inject, NotFoundException, Param, Post, Query, Req, UnsupportedMediaTypeException, UseGuards, UseInterceptors } from '@nestjs/common';
import { ConversationStore } from '@parley/engine';
import { MergeRefused, SqlConversationStore, contactRowsFromCsv, contactRowsFromJson, importContacts, mergeContacts } from '@parley/persistence';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';
import { ApiKeyGuard, type AdminRequest } from './api-key.guard';
import { AuditInterceptor } from './audit.interceptor';
import { parseInput } from './parse-input';
import { Roles, WRITERS } from './roles.decorator';
import { ApiDoc } from './api-doc.decorator';
import { importBodyExample, importReportExample, mergeBodyExample, mergeResultExample } from './api-examples';

const cell = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);
const importBody = z.strictObject({ rows: z.array(z.record(z.string().max(64), cell)).max(10_000) });
const importQuery = z.strictObject({
  defaultRegion: z.string().transform((v) => v.toUpperCase()).refine(isSupportedCountry, 'not a supported region').default('US'),
});
const contactId = z.string().uuid();
const mergeBody = z.strictObject({ otherId: z.string().uuid() });
const actorOf = (request: AdminRequest) => `apikey:${request.apiKey!.prefix} (${request.apiKey!.name})`;

/** A CSV body is read only when it says it is CSV; a file that cannot be parsed at all is the client's mistake. */
function csvRows(body: string, request: AdminRequest): ReturnType<typeof contactRowsFromCsv> {
  if (!String(request.headers['content-type'] ?? '').startsWith('text/csv')) {
    throw new UnsupportedMediaTypeException('send application/json {"rows": [...]} or a text/csv body');
  }
  try {
    return contactRowsFromCsv(body);
  } catch (error) {
    throw new BadRequestException({ error: 'invalid_csv', message: error instanceof Error ? error.message : String(error) });
  }
}

/** Contact data: bulk import (JSON rows or a CSV body) and merging two contacts found to be one person. */
@Controller('api/v1/contacts')
@UseGuards(ApiKeyGuard)
@UseInterceptors(AuditInterceptor)
export class ContactsController {
  constructor(
    @Inject(DATABASE) private readonly db: OpenDatabase,
    private readonly store: ConversationStore,
  ) {}

  @Post('import')
  @ApiDoc({ summary: 'Import contacts (JSON rows, or a text/csv body): normalised, deduplicated, idempotent; bad rows reported by line', body: importBody, bodyExample: importBodyExample, query: importQuery, response: importReportExample, status: 201 })
  @Roles(...WRITERS)
  async import(@Body() body: unknown, @Query() query: unknown, @Req() request: AdminRequest) {
    const { defaultRegion } = parseInput(importQuery, query);
    const { rows, errors } = typeof body === 'string' ? csvRows(body, request) : { rows: contactRowsFromJson(parseInput(importBody, body).rows), errors: [] };
    const report = await importContacts(this.db.sql, rows, { defaultRegion: defaultRegion as CountryCode, actor: actorOf(request), at: new Date() });
    return { ...report, rows: rows.length + errors.length, errors: [...errors, ...report.errors].sort((a, b) => a.line - b.line) };
  }

  @Post(':id/merge')
  @ApiDoc({ summary: 'Merge another contact into this one (identities, conversations, consent); audited', body: mergeBody, bodyExample: mergeBodyExample, response: mergeResultExample, status: 201 })
  @Roles('admin')
  async merge(@Param('id') id: string, @Body() body: unknown, @Req() request: AdminRequest) {
    const kept = parseInput(contactId, id);
    const { otherId } = parseInput(mergeBody, body);
    try {
      const result = await mergeContacts(this.db.sql, kept, otherId, actorOf(request), new Date());
      if (!result) throw new NotFoundException(`no contact ${kept} or ${otherId}`);
      if (this.store instanceof SqlConversationStore) {
        this.store.forgetContact(kept);
        this.store.forgetContact(otherId);
      }
      return result;
    } catch (error) {
      if (error instanceof MergeRefused) throw new BadRequestException({ error: 'merge_refused', message: error.message });
      throw error;
    }
  }
}
