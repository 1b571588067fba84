import { CHANNELS, NOTHING_UNDERSTOOD, type ChannelName, type OutboundMessage, type Understanding } from '@parley/core';
import { ChannelTransport, Clock, LanguageUnderstanding } from '../ports';

/** Understands each message as the transcript says it should (its `intent:` and `entities:`). */
export class ScriptedUnderstanding extends LanguageUnderstanding {
  next: Understanding = NOTHING_UNDERSTOOD;

  understand(): Understanding {
    return this.next;
  }
}

export class RecordingTransport extends ChannelTransport {
  readonly channels: readonly ChannelName[] = CHANNELS;
  readonly delivered: OutboundMessage[] = [];

  async deliver(message: OutboundMessage): Promise<void> {
    this.delivered.push(message);
  }
}

export class FixedClock extends Clock {
  constructor(private readonly at: Date) {
    super();
  }

  now(): Date {
    return this.at;
  }
}
