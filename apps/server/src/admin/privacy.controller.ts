import { Controller, Delete, Get, Header, Inject, NotFoundException, Param, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { ConversationStore } from '@parley/engine';
import { SqlAuditLog, SqlConversationStore, eraseContact, exportContact } from '@parley/persistence';
import { z } from 'zod';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';
import { ApiKeyGuard, type AdminRequest } from './api-key.guard';
import { AuditInterceptor } from './audit.interceptor';
import { parseInput } from './parse-input';
import { Roles } from './roles.decorator';
import { ApiDoc } from './api-doc.decorator';
import { erasureExample, exportExample } from './api-examples';

const contactId = z.string().uuid();
const actorOf = (request: AdminRequest) => `apikey:${request.apiKey!.prefix} (${request.apiKey!.name})`;

/** Data subject rights: access (export) and erasure. See docs/privacy.md. */
@Controller('api/v1/contacts')
@UseGuards(ApiKeyGuard)
@UseInterceptors(AuditInterceptor)
export class PrivacyController {
  private readonly audit: SqlAuditLog;

  constructor(
    @Inject(DATABASE) private readonly db: OpenDatabase,
    private readonly store: ConversationStore,
  ) {
    this.audit = new SqlAuditLog(db.sql);
  }

  @Get(':id/export')
  @ApiDoc({ summary: 'Everything Parley holds on a person (subject access request); audited', response: exportExample })
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  async export(@Param('id') id: string, @Req() request: AdminRequest) {
    const contact = parseInput(contactId, id);
    const data = await exportContact(this.db.sql, contact, new Date());
    if (!data) throw new NotFoundException(`no contact ${contact}`);
    // Reads are not audited by the interceptor; handing out a person's whole record is.
    await this.audit.record({ actor: actorOf(request), action: 'GET /api/v1/contacts/:id/export', target: contact, ip: request.ip }, new Date());
    return data;
  }

  @Delete(':id')
  @ApiDoc({ summary: 'Erase a person: personal data removed everywhere, pending jobs cancelled, consent-withdrawal proof kept', response: erasureExample })
  @Roles('admin')
  async erase(@Param('id') id: string, @Req() request: AdminRequest) {
    const contact = parseInput(contactId, id);
    const result = await eraseContact(this.db.sql, contact, actorOf(request), new Date());
    if (!result) throw new NotFoundException(`no contact ${contact}`);
    if (this.store instanceof SqlConversationStore) this.store.forgetContact(contact);
    return result;
  }
}
