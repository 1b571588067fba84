import { Logger } from '@nestjs/common';
import type { OutboundMessage } from '@parley/core';
import { lastPrompts } from './call-progress';
import { VoiceTransport } from './voice.transport';

const message = (address: string): OutboundMessage => ({
  id: `m-${address}`,
  conversationId: 'c1',
  channel: 'voice',
  address,
  from: 'agent',
  text: 'Hello from sales',
  kind: 'conversational',
  at: new Date(),
});

describe('VoiceTransport', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('lets replies to a live call pass (they travel in TwiML) and keeps those to a phone not on a call', async () => {
    let now = 0;
    const sut = new VoiceTransport(() => now);
    sut.callActive('+1555000001');
    sut.callActive('+1555000002');
    sut.callEnded('+1555000002');
    await sut.deliver(message('+1555000001'));
    await sut.deliver(message('+1555000002'));
    now += 11 * 60_000;
    await sut.deliver(message('+1555000001'));
    expect(sut.undelivered().map((m) => m.address)).toEqual(['+1555000002', '+1555000001']);
  });
});

describe('lastPrompts', () => {
  const at = new Date();
  it('is what the bot said since the caller last spoke', () => {
    const history = [
      { id: '1', conversationId: 'c', from: 'bot' as const, text: 'Hi', at },
      { id: '2', conversationId: 'c', from: 'visitor' as const, text: 'Jane', at },
      { id: '3', conversationId: 'c', from: 'bot' as const, text: 'Email?', at },
    ];
    expect(lastPrompts(history).map((m) => m.text)).toEqual(['Email?']);
    expect(lastPrompts(history.slice(0, 1)).map((m) => m.text)).toEqual(['Hi']);
    expect(lastPrompts([])).toEqual([]);
  });
});
