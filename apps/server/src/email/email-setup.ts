import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ParleyConfig } from '@parley/config';
import { EmailSequenceHandler, SequenceCatalog, SmtpTransport, type EmailSettings } from '@parley/followup';
import { SqlEmailAudience } from '@parley/persistence';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { OpenDatabase } from '../database.provider';
import { CONFIG, DATABASE } from '../tokens';

/** Email sequences from FLOWS_DIR/sequences, the SMTP driver, and the unsubscribe key: picked once, at boot. */
@Injectable()
export class EmailSetup implements OnApplicationShutdown {
  readonly unsubscribeSecret: string;
  readonly handler: EmailSequenceHandler;
  private readonly transport?: SmtpTransport;
  private readonly logger = new Logger('Email');

  constructor(@Inject(CONFIG) config: ParleyConfig, @Inject(DATABASE) db: OpenDatabase) {
    this.unsubscribeSecret = this.secretFrom(config);
    const dir = join(resolve(config.FLOWS_DIR), 'sequences');
    const { catalog, errors } = SequenceCatalog.load(dir);
    for (const error of errors) this.logger.error(`email sequence left out: ${error}`);
    if (config.SMTP_URL) this.transport = new SmtpTransport(config.SMTP_URL);
    else this.logger.log('SMTP_URL is not set: email sequence jobs wait, pending');
    const settings = this.settingsFrom(config);
    if (config.SMTP_URL && settings?.publicBaseUrl.startsWith('http:')) this.logger.warn('PUBLIC_BASE_URL is not https: mail clients will not offer one-click unsubscribe');
    this.handler = new EmailSequenceHandler({ sequences: catalog, audience: new SqlEmailAudience(db.sql), transport: this.transport, settings });
    if (catalog.ids().length) this.logger.log(`email sequences: ${catalog.ids().join(', ')}`);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private secretFrom(config: ParleyConfig): string {
    if (config.UNSUBSCRIBE_SECRET) return config.UNSUBSCRIBE_SECRET;
    // Links signed with a per-boot key stop working at the next restart: tolerable in development only.
    if (config.SMTP_URL && config.NODE_ENV === 'production') throw new Error('UNSUBSCRIBE_SECRET must be set when SMTP_URL is set');
    this.logger.warn('UNSUBSCRIBE_SECRET is not set: using a random key for this run; unsubscribe links in sent emails break on restart');
    return randomBytes(32).toString('base64url');
  }

  private settingsFrom(config: ParleyConfig): EmailSettings | undefined {
    if (!config.EMAIL_FROM || !config.EMAIL_POSTAL_ADDRESS || !config.PUBLIC_BASE_URL) return undefined;
    return { from: config.EMAIL_FROM, postalAddress: config.EMAIL_POSTAL_ADDRESS, publicBaseUrl: config.PUBLIC_BASE_URL, unsubscribeSecret: this.unsubscribeSecret };
  }
}
