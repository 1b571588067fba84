import { Module } from '@nestjs/common';
import { EmailSetup } from './email-setup';
import { UnsubscribeController } from './unsubscribe.controller';

/** Marketing email: the drip-sequence job handler (run by the follow-up worker) and the one-click unsubscribe pages. */
@Module({
  controllers: [UnsubscribeController],
  providers: [EmailSetup],
  exports: [EmailSetup],
})
export class EmailModule {}
