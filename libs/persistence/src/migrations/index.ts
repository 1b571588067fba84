import { InitialSchema1764100000000 } from './1764100000000-initial-schema';
import { FlowVersions1764100000001 } from './1764100000001-flow-versions';
import { MisunderstoodUtterances1764100000002 } from './1764100000002-misunderstood-utterances';
import { ApiKeys1764100000003 } from './1764100000003-api-keys';
import { ConsentEvents1764100000004 } from './1764100000004-consent-events';
import { MessageDelivery1764100000005 } from './1764100000005-message-delivery';
import { HandoffThreads1764100000030 } from './1764100000030-handoff-threads';
import { HandoffThreadRep1764100000031 } from './1764100000031-handoff-thread-rep';
import { SlackEvents1764100000032 } from './1764100000032-slack-events';
import { ScoringAndSegments1764100000040 } from './1764100000040-scoring-and-segments';
import { Campaigns1764100000050 } from './1764100000050-campaigns';
import { BotConversationReferences1764100000060 } from './1764100000060-bot-conversation-references';
import { MessageAttachments1764100000070 } from './1764100000070-message-attachments';
import { DashboardSessions1764100000075 } from './1764100000075-dashboard-sessions';
import { CampaignScheduleAndSmsSegments1764100000080 } from './1764100000080-campaign-schedule-and-sms-segments';

export const MIGRATIONS = [
  InitialSchema1764100000000,
  FlowVersions1764100000001,
  MisunderstoodUtterances1764100000002,
  ApiKeys1764100000003,
  ConsentEvents1764100000004,
  MessageDelivery1764100000005,
  HandoffThreads1764100000030,
  HandoffThreadRep1764100000031,
  SlackEvents1764100000032,
  ScoringAndSegments1764100000040,
  Campaigns1764100000050,
  BotConversationReferences1764100000060,
  MessageAttachments1764100000070,
  DashboardSessions1764100000075,
  CampaignScheduleAndSmsSegments1764100000080,
];
