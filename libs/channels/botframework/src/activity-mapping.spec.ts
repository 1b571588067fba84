import type { OutboundMessage } from '@parley/core';
import type { IncomingActivity } from './activity';
import { parseActivity } from './parse-activity';
import { toActivity } from './render-activities';

const at = new Date('2026-11-25T12:00:00Z');
const base: IncomingActivity = {
  type: 'message',
  id: 'a1',
  channelId: 'webchat',
  serviceUrl: 'https://webchat.botframework.com/',
  from: { id: 'u1', name: 'Jane' },
  recipient: { id: 'bot1', name: 'Parley' },
  conversation: { id: 'c1' },
  locale: 'en-US',
};
const reply = (extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  id: 'm1',
  conversationId: 'conv',
  channel: 'botframework',
  address: 'webchat:u1',
  from: 'bot',
  text: 'How many people work at your company?',
  kind: 'conversational',
  at,
  ...extra,
});
const SIZES = [
  { title: '1-49', payload: 'smb' },
  { title: '50-999', payload: 'midmarket' },
];

describe('parseActivity', () => {
  it('turns a message into an inbound message keyed on channel, conversation and activity id, with its reference', () => {
    expect(parseActivity({ ...base, text: ' Jane ' }, at)).toEqual({
      kind: 'message',
      inbound: {
        channel: 'botframework',
        address: 'webchat:u1',
        externalId: 'webchat/c1/a1',
        text: 'Jane',
        receivedAt: at,
        locale: 'en-US',
        metadata: { channelId: 'webchat', conversationId: 'c1', activityId: 'a1' },
      },
      reference: {
        channelId: 'webchat',
        serviceUrl: 'https://webchat.botframework.com/',
        conversation: { id: 'c1' },
        user: { id: 'u1', name: 'Jane' },
        bot: { id: 'bot1', name: 'Parley' },
        activityId: 'a1',
        locale: 'en-US',
      },
    });
  });

  it('reads a pressed suggested action back as its payload, and drops Teams mentions of the bot', () => {
    const pressed = parseActivity({ ...base, text: '50-999', value: { payload: 'midmarket' } }, at);
    expect(pressed.kind === 'message' && pressed.inbound).toMatchObject({ text: '50-999', payload: 'midmarket' });
    const mention = parseActivity({ ...base, channelId: 'msteams', text: '<at>Parley</at> hello' }, at);
    expect(mention.kind === 'message' && mention.inbound.text).toBe('hello');
  });

  it('keeps long external ids within the column by hashing them', () => {
    const long = parseActivity({ ...base, conversation: { id: 'x'.repeat(300) }, text: 'hi' }, at);
    expect(long.kind === 'message' && long.inbound.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('greets the people added to a conversation, never the bot', () => {
    const update = { ...base, type: 'conversationUpdate', membersAdded: [{ id: 'bot1' }, { id: 'u2', name: 'Sam' }, { id: '' }] };
    expect(parseActivity(update, at)).toEqual({
      kind: 'joined',
      members: [
        {
          address: 'webchat:u2',
          reference: expect.objectContaining({ user: { id: 'u2', name: 'Sam' }, conversation: { id: 'c1' }, bot: base.recipient }),
        },
      ],
    });
    expect(parseActivity({ ...base, type: 'conversationUpdate', membersAdded: [{ id: 'bot1' }] }, at).kind).toBe('ignored');
    expect(parseActivity({ ...base, type: 'conversationUpdate', membersAdded: [{ id: 'bot1' }] }, at)).not.toHaveProperty('members');
  });

  it('ignores what needs no answer: echoes of the bot, typing, empty messages', () => {
    expect(parseActivity({ ...base, from: { id: 'bot1' }, text: 'hi' }, at).kind).toBe('ignored');
    expect(parseActivity({ ...base, type: 'typing' }, at).kind).toBe('ignored');
    expect(parseActivity({ ...base, text: '   ' }, at).kind).toBe('ignored');
  });

  it('refuses activities missing what a reply needs', () => {
    expect(() => parseActivity({ ...base, conversation: undefined, text: 'hi' }, at)).toThrow('conversation.id is required');
    expect(() => parseActivity({ ...base, serviceUrl: 'javascript:alert(1)', text: 'hi' }, at)).toThrow('serviceUrl must be an http(s) URL');
    expect(() => parseActivity({ ...base, id: undefined, text: 'hi' }, at)).toThrow('a message activity needs an id');
    expect(() => parseActivity({ ...base, from: undefined, text: 'hi' }, at)).toThrow('from.id is required');
    expect(() => parseActivity({ ...base, recipient: { id: '' }, text: 'hi' }, at)).toThrow('recipient.id is required');
    expect(() => parseActivity({ ...base, from: { id: 'u'.repeat(300) }, text: 'hi' }, at)).toThrow('from.id is too long');
  });
});

describe('toActivity', () => {
  it('sends text as plain text, and quick replies as messageBack suggested actions carrying the payload', () => {
    expect(toActivity(reply({ quickReplies: SIZES }), 'webchat')).toEqual({
      type: 'message',
      text: 'How many people work at your company?',
      textFormat: 'plain',
      suggestedActions: {
        actions: [
          { type: 'messageBack', title: '1-49', text: '1-49', displayText: '1-49', value: { payload: 'smb' } },
          { type: 'messageBack', title: '50-999', text: '50-999', displayText: '50-999', value: { payload: 'midmarket' } },
        ],
      },
    });
    expect(toActivity(reply(), 'webchat')).not.toHaveProperty('suggestedActions');
  });

  it('uses imBack on Teams, which shows no other suggested action', () => {
    expect(toActivity(reply({ quickReplies: SIZES }), 'msteams').suggestedActions?.actions[0]).toEqual({ type: 'imBack', title: '1-49', value: '1-49' });
  });

  it('shows a message with media or a card as a hero card', () => {
    const withImage = toActivity(reply({ text: 'Our new plan', media: { kind: 'image', url: 'https://x.example/plan.png', alt: 'Plan' } }), 'webchat');
    expect(withImage).toEqual({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { text: 'Our new plan', images: [{ url: 'https://x.example/plan.png', alt: 'Plan' }] } }],
    });
    const card = toActivity(
      reply({
        text: 'Your cart',
        card: { title: 'Blue shoes', subtitle: '$80', imageUrl: 'https://x.example/s.png', buttons: [{ title: 'Buy', payload: 'buy' }, { title: 'Details', url: 'https://x.example/s' }] },
        quickReplies: SIZES.slice(0, 1),
      }),
      'webchat',
    );
    expect(card.attachments?.[0].content).toEqual({
      title: 'Blue shoes',
      subtitle: '$80',
      text: 'Your cart',
      images: [{ url: 'https://x.example/s.png' }],
      buttons: [
        { type: 'messageBack', title: 'Buy', text: 'Buy', displayText: 'Buy', value: { payload: 'buy' } },
        { type: 'openUrl', title: 'Details', value: 'https://x.example/s' },
      ],
    });
    expect(card.suggestedActions?.actions).toHaveLength(1);
    const video = toActivity(reply({ text: 'Watch', media: { kind: 'video', url: 'https://x.example/v.mp4' } }), 'webchat');
    expect(video.attachments?.[0].content).toEqual({ text: 'Watch', buttons: [{ type: 'openUrl', title: 'Open video', value: 'https://x.example/v.mp4' }] });
  });
});
