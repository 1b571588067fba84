import { Logger } from '@nestjs/common';
import type { OutboundMessage } from '@parley/core';
import type { BotConversationReference, OutgoingActivity } from './activity';
import { BotConnector } from './bot-connector.port';
import { BotFrameworkTransport } from './botframework.transport';
import { InMemoryConversationReferences } from './in-memory-conversation-references';

class RecordingConnector extends BotConnector {
  readonly sent: { conversation: string; replyTo?: string; activity: OutgoingActivity }[] = [];
  constructor(private readonly delayMs: (a: OutgoingActivity) => number) {
    super();
  }
  async receive(): Promise<never> {
    throw new Error('not used');
  }
  async send(reference: BotConversationReference, activities: OutgoingActivity[]): Promise<void> {
    for (const activity of activities) {
      await new Promise((resolve) => setTimeout(resolve, this.delayMs(activity)));
      this.sent.push({ conversation: reference.conversation.id, replyTo: reference.activityId, activity });
    }
  }
}

const reference: BotConversationReference = {
  channelId: 'webchat',
  serviceUrl: 'https://example.test/',
  conversation: { id: 'c1' },
  user: { id: 'u1' },
  bot: { id: 'b1' },
  activityId: 'a7',
};
const message = (text: string, address = 'webchat:u1'): OutboundMessage => ({
  id: text,
  conversationId: 'conv',
  channel: 'botframework',
  address,
  from: 'bot',
  text,
  kind: 'conversational',
  at: new Date(),
});

describe('BotFrameworkTransport', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('sends typing, then the replies, in order, into the stored conversation', async () => {
    // A slow typing indicator must still arrive before the replies it announces.
    const connector = new RecordingConnector((a) => (a.type === 'typing' ? 30 : 0));
    const references = new InMemoryConversationReferences();
    await references.save('webchat:u1', reference);
    const sut = new BotFrameworkTransport(connector, references);
    sut.typing('botframework', 'webchat:u1');
    await Promise.all([sut.deliver(message('one')), sut.deliver(message('two'))]);
    expect(connector.sent.map((s) => [s.conversation, s.replyTo, s.activity.type, s.activity.text])).toEqual([
      ['c1', 'a7', 'typing', undefined],
      ['c1', 'a7', 'message', 'one'],
      ['c1', 'a7', 'message', 'two'],
    ]);
  });

  it('fails a delivery to a user whose conversation it does not know', async () => {
    const sut = new BotFrameworkTransport(new RecordingConnector(() => 0), new InMemoryConversationReferences());
    await expect(sut.deliver(message('hi', 'webchat:stranger'))).rejects.toThrow('no Bot Framework conversation known for webchat:stranger');
  });
});
