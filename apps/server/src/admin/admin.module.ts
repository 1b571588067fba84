import { Module } from '@nestjs/common';
import { ApiKeyGuard } from './api-key.guard';
import { AuditInterceptor } from './audit.interceptor';
import { ConsentController } from './consent.controller';
import { ContactsController } from './contacts.controller';
import { MisunderstoodController } from './misunderstood.controller';
import { PrivacyController } from './privacy.controller';

/** The admin API under /api/v1: API keys with roles, audit of every write. */
@Module({
  controllers: [MisunderstoodController, ConsentController, PrivacyController, ContactsController],
  providers: [ApiKeyGuard, AuditInterceptor],
})
export class AdminModule {}
