import type { ChannelName, Sender } from './channel';

export interface QuickReply {
  title: string;
  payload: string;
}

/** A file that came with an inbound message (an image on WhatsApp or MMS); outbound media is `MessageMedia`. */
export interface Attachment {
  url: string;
  /** MIME type, when the channel says. */
  contentType?: string;
}

/**
 * A pre-approved message template (Twilio Content API on WhatsApp): the only thing WhatsApp lets a business send
 * outside the 24-hour customer-service window. Variables fill the template's numbered or named placeholders.
 */
export interface ContentTemplate {
  contentSid: string;
  variables: Record<string, string>;
}

/** What a channel edge hands the engine after verifying and normalising a partner's payload. */
export interface InboundMessage {
  channel: ChannelName;
  /** The sender's address on that channel: visitor id, E.164 phone, Bot Framework user id… */
  address: string;
  /** The channel's own id for this message; the engine stores it once (channel + externalId). */
  externalId: string;
  text?: string;
  /** Payload of a pressed quick reply, when the channel has buttons. */
  payload?: string;
  /** Files sent with the message (WhatsApp and MMS images); stored with it. */
  attachments?: Attachment[];
  receivedAt: Date;
  locale?: string;
  metadata?: Record<string, unknown>;
}

/** A picture, clip or file shown with a message, on channels that can show one. */
export interface MessageMedia {
  kind: 'image' | 'video' | 'audio' | 'file';
  url: string;
  alt?: string;
}

/** A card: title, subtitle, image and buttons (a payload to send back, or a link to open). */
export interface MessageCard {
  title: string;
  subtitle?: string;
  imageUrl?: string;
  buttons?: { title: string; payload?: string; url?: string }[];
}

export type MessageKind = 'conversational' | 'marketing' | 'transactional';

/** What the engine asks a channel to deliver. */
export interface OutboundMessage {
  id: string;
  conversationId: string;
  channel: ChannelName;
  address: string;
  from: Exclude<Sender, 'visitor'>;
  text: string;
  quickReplies?: QuickReply[];
  /** Shown with the text on channels with rich messages; others ignore it. */
  media?: MessageMedia;
  card?: MessageCard;
  /** The approved template a flow node offers for this message, for when free-form text may not be sent. */
  template?: ContentTemplate;
  /** Set by the outbound gate: send `template` instead of the text (WhatsApp, outside the 24-hour window). */
  sendAsTemplate?: true;
  kind: MessageKind;
  at: Date;
}

/** A message as stored and replayed (history). */
export interface StoredMessage {
  id: string;
  conversationId: string;
  from: Sender;
  text: string;
  quickReplies?: QuickReply[];
  attachments?: Attachment[];
  at: Date;
}
