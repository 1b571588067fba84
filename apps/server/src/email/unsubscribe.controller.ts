import { Controller, Get, Header, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { consentStatus } from '@parley/consent';
import { verifyUnsubscribeToken } from '@parley/followup';
import { consentLedger } from '@parley/persistence';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OpenDatabase } from '../database.provider';
import { DATABASE } from '../tokens';
import { EmailSetup } from './email-setup';
import { badLinkPage, confirmPage, donePage } from './unsubscribe-page';

/**
 * One-click unsubscribe (RFC 8058): no login, no cookies; the signed token is the authority. POST revokes
 * email marketing consent in the ledger (once: a repeat changes nothing); GET only asks.
 */
@Controller('u')
export class UnsubscribeController {
  constructor(
    @Inject(DATABASE) private readonly db: OpenDatabase,
    private readonly email: EmailSetup,
  ) {}

  @Get(':token')
  @Header('Cache-Control', 'no-store')
  show(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply): string {
    reply.type('text/html; charset=utf-8');
    if (!verifyUnsubscribeToken(this.email.unsubscribeSecret, token)) return this.bad(reply);
    return confirmPage(token);
  }

  @Post(':token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  async unsubscribe(@Param('token') token: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.type('text/html; charset=utf-8');
    const subject = verifyUnsubscribeToken(this.email.unsubscribeSecret, token);
    if (!subject) return this.bad(reply);
    await this.db.sql.transaction(async (tx) => {
      // A contact erased since the email was sent gets nothing more anyway.
      if (!(await tx.get('SELECT id FROM contacts WHERE id = ?', [subject.contactId]))) return;
      if (consentStatus(await consentLedger.of(tx, subject.contactId), 'email', 'marketing') === 'revoked') return;
      await consentLedger.append(tx, {
        contactId: subject.contactId,
        channel: 'email',
        purpose: 'marketing',
        action: 'revoke',
        source: 'unsubscribe-link',
        evidence: { list: subject.listId, ip: request.ip, userAgent: String(request.headers['user-agent'] ?? '') },
        actor: 'contact',
        at: new Date(),
      });
    });
    return donePage();
  }

  private bad(reply: FastifyReply): string {
    reply.code(400);
    return badLinkPage();
  }
}
