import { ApiKeyEntity } from './api-key.entity';
import { AuditEventEntity } from './audit-event.entity';
import { ChannelIdentityEntity } from './channel-identity.entity';
import { ConsentEventEntity } from './consent-event.entity';
import { ContactEntity } from './contact.entity';
import { FlowVersionEntity } from './flow-version.entity';
import { ConversationEntity } from './conversation.entity';
import { MessageEntity } from './message.entity';
import { MisunderstoodUtteranceEntity } from './misunderstood-utterance.entity';
import { OutboxJobEntity } from './outbox-job.entity';

export { ApiKeyEntity, AuditEventEntity, ConsentEventEntity, ChannelIdentityEntity, ContactEntity, ConversationEntity, FlowVersionEntity, MessageEntity, MisunderstoodUtteranceEntity, OutboxJobEntity };

export const ENTITIES = [
  ContactEntity,
  ChannelIdentityEntity,
  ConversationEntity,
  MessageEntity,
  OutboxJobEntity,
  AuditEventEntity,
  FlowVersionEntity,
  MisunderstoodUtteranceEntity,
  ApiKeyEntity,
  ConsentEventEntity,
];
