/**
 * The Bot Framework Activity protocol as it travels on the wire (JSON), in the parts we use.
 * Our own types, not the SDK's: the protocol outlives botbuilder (its successor speaks the same activities).
 */
export interface ChannelAccount {
  id: string;
  name?: string;
  role?: string;
}

export interface ConversationAccount {
  id: string;
  name?: string;
  isGroup?: boolean;
  conversationType?: string;
  tenantId?: string;
}

export interface CardAction {
  type: 'imBack' | 'messageBack' | 'openUrl' | 'postBack';
  title: string;
  value?: unknown;
  text?: string;
  displayText?: string;
}

export interface Attachment {
  contentType: string;
  content?: unknown;
  contentUrl?: string;
  name?: string;
}

export interface HeroCard {
  title?: string;
  subtitle?: string;
  text?: string;
  images?: { url: string; alt?: string }[];
  buttons?: CardAction[];
}

export const HERO_CARD = 'application/vnd.microsoft.card.hero';

/** An inbound activity after the SDK authenticated it (only the fields we read). */
export interface IncomingActivity {
  type: string;
  id?: string;
  channelId: string;
  serviceUrl: string;
  from?: ChannelAccount;
  recipient?: ChannelAccount;
  conversation?: ConversationAccount;
  text?: string;
  value?: unknown;
  locale?: string;
  timestamp?: string | Date;
  membersAdded?: ChannelAccount[];
  channelData?: unknown;
}

/** What we send: a message or a typing indicator; the connector fills in addressing from the reference. */
export interface OutgoingActivity {
  type: 'message' | 'typing';
  text?: string;
  textFormat?: 'plain' | 'markdown';
  attachments?: Attachment[];
  suggestedActions?: { to?: string[]; actions: CardAction[] };
  /** Our message id, so a reply can be matched to what the engine sent. */
  channelData?: { parleyMessageId: string };
}

/** Where a conversation lives and how to reach it again later (agent replies, follow-ups). */
export interface BotConversationReference {
  channelId: string;
  serviceUrl: string;
  conversation: ConversationAccount;
  user: ChannelAccount;
  bot: ChannelAccount;
  /** The user's last activity: replies are threaded under it (POST …/activities/:replyToId). */
  activityId?: string;
  locale?: string;
}
