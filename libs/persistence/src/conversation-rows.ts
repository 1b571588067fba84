import type { Attachment, ChannelName, Owner, QuickReply, Sender, StoredMessage } from '@parley/core';
import type { ConversationSnapshot, OpenConversation } from '@parley/engine';

export interface OpenConversationRow {
  id: string;
  contact_id: string;
  flow_id: string | null;
  flow_version: string | null;
  state: string | null;
  owner: Owner;
  version: number;
  message_count: number;
  attributes: string;
}

export interface MessageRow {
  id: string;
  conversation_id: string;
  sender: Sender;
  text: string;
  quick_replies: string | null;
  attachments: string | null;
  created_at: string | Date;
}

export function toDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

export function toOpenConversation(row: OpenConversationRow, channel: ChannelName, address: string): OpenConversation {
  const conversation: ConversationSnapshot = {
    id: row.id,
    contactId: row.contact_id,
    channel,
    address,
    flowId: row.flow_id,
    flowVersion: row.flow_version,
    state: row.state === null ? null : JSON.parse(row.state),
    owner: row.owner,
    version: Number(row.version),
    messageCount: Number(row.message_count),
  };
  return { contact: { id: row.contact_id, attributes: JSON.parse(row.attributes) }, conversation };
}

export function toStoredMessage(row: MessageRow): StoredMessage {
  const message: StoredMessage = {
    id: row.id,
    conversationId: row.conversation_id,
    from: row.sender,
    text: row.text,
    at: toDate(row.created_at),
  };
  if (row.quick_replies) message.quickReplies = JSON.parse(row.quick_replies) as QuickReply[];
  if (row.attachments) message.attachments = JSON.parse(row.attachments) as Attachment[];
  return message;
}
