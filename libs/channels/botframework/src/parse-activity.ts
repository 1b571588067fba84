import { BadRequestException } from '@nestjs/common';
import type { InboundMessage } from '@parley/core';
import { createHash } from 'node:crypto';
import type { BotConversationReference, ChannelAccount, IncomingActivity } from './activity';

/** What an authenticated activity asks of us. */
export type ReceivedActivity =
  | { kind: 'message'; inbound: InboundMessage; reference: BotConversationReference }
  /** People added to the conversation (the bot itself excluded): each is greeted with the entry flow. */
  | { kind: 'joined'; members: { address: string; reference: BotConversationReference }[] }
  | { kind: 'ignored'; reason: string };

const MAX_ID_LENGTH = 255;
/** Teams puts "<at>Bot</at>" in front of a message that mentions the bot in a group chat. */
const MENTION = /<at>[^<]*<\/at>/g;

function bad(message: string): never {
  throw new BadRequestException({ error: 'bad_request', message });
}

/** The user's address: their id on the channel, scoped by channel, so a Direct Line client cannot pose as a Teams user. */
export function addressOf(channelId: string, user: ChannelAccount): string {
  const address = `${channelId}:${user.id}`;
  if (address.length > MAX_ID_LENGTH) bad('from.id is too long');
  return address;
}

/** Activity ids are unique per conversation only (Teams uses timestamps): the conversation makes them global. */
export function externalIdOf(activity: IncomingActivity, activityId: string): string {
  const id = `${activity.channelId}/${activity.conversation!.id}/${activityId}`;
  return id.length <= MAX_ID_LENGTH ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const localeOf = (activity: IncomingActivity) => (typeof activity.locale === 'string' && LOCALE.test(activity.locale) ? activity.locale : undefined);

function referenceFor(activity: IncomingActivity, user: ChannelAccount, activityId?: string): BotConversationReference {
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversation: activity.conversation!,
    user: { id: user.id, ...(typeof user.name === 'string' && user.name ? { name: user.name } : {}) },
    bot: activity.recipient!,
    ...(activityId ? { activityId } : {}),
    ...(localeOf(activity) ? { locale: localeOf(activity) } : {}),
  };
}

/** A quick reply comes back as messageBack with `{ payload }` (or a bare string value from a postBack). */
function payloadOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return value;
  const payload = value && typeof value === 'object' ? (value as { payload?: unknown }).payload : undefined;
  return typeof payload === 'string' && payload ? payload : undefined;
}

const isAccount = (value: unknown): value is ChannelAccount =>
  !!value && typeof value === 'object' && typeof (value as ChannelAccount).id === 'string' && (value as ChannelAccount).id !== '';

function parseMessage(activity: IncomingActivity, receivedAt: Date): ReceivedActivity {
  const from = activity.from!;
  if (from.id === activity.recipient!.id || from.role === 'bot') return { kind: 'ignored', reason: 'sent by a bot' };
  if (typeof activity.id !== 'string' || !activity.id) bad('a message activity needs an id');
  const text = typeof activity.text === 'string' ? activity.text.replace(MENTION, '').trim() : '';
  const payload = payloadOf(activity.value);
  if (!text && !payload) return { kind: 'ignored', reason: 'no text' };
  const inbound: InboundMessage = {
    channel: 'botframework',
    address: addressOf(activity.channelId, from),
    externalId: externalIdOf(activity, activity.id),
    ...(text ? { text } : {}),
    ...(payload ? { payload } : {}),
    receivedAt,
    ...(localeOf(activity) ? { locale: localeOf(activity) } : {}),
    metadata: { channelId: activity.channelId, conversationId: activity.conversation!.id, activityId: activity.id },
  };
  return { kind: 'message', inbound, reference: referenceFor(activity, from, activity.id) };
}

function parseConversationUpdate(activity: IncomingActivity): ReceivedActivity {
  const added = Array.isArray(activity.membersAdded) ? activity.membersAdded.filter(isAccount) : [];
  const people = added.filter((member) => member.id !== activity.recipient!.id && member.role !== 'bot');
  if (!people.length) return { kind: 'ignored', reason: 'no one but the bot joined' };
  return { kind: 'joined', members: people.map((member) => ({ address: addressOf(activity.channelId, member), reference: referenceFor(activity, member) })) };
}

/** Refuses, before any authentication work, a body that cannot be an activity a bot could answer. */
export function precheckActivity(body: unknown): void {
  if (!body || typeof body !== 'object' || Array.isArray(body)) bad('the body must be an activity (a JSON object)');
  const { type, channelId, serviceUrl } = body as Record<string, unknown>;
  if (typeof type !== 'string' || !type) bad('type is required');
  if (typeof channelId !== 'string' || !channelId) bad('channelId is required');
  if (typeof serviceUrl !== 'string' || !/^https?:\/\//i.test(serviceUrl)) bad('serviceUrl must be an http(s) URL');
}

/** Checks the fields we rely on (the SDK authenticated the activity, it did not validate its shape). */
export function parseActivity(activity: IncomingActivity, receivedAt: Date): ReceivedActivity {
  if (typeof activity.channelId !== 'string' || !activity.channelId) bad('channelId is required');
  if (typeof activity.serviceUrl !== 'string' || !/^https?:\/\//i.test(activity.serviceUrl)) bad('serviceUrl must be an http(s) URL');
  if (!activity.conversation || typeof activity.conversation.id !== 'string' || !activity.conversation.id) bad('conversation.id is required');
  if (!isAccount(activity.recipient)) bad('recipient.id is required');
  if (activity.type === 'conversationUpdate') return parseConversationUpdate(activity);
  if (activity.type !== 'message') return { kind: 'ignored', reason: `${activity.type} activities need no answer` };
  if (!isAccount(activity.from)) bad('from.id is required');
  return parseMessage(activity, receivedAt);
}
