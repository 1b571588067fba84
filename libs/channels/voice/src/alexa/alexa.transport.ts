import type { ChannelName } from '@parley/core';
import { VoiceTransport } from '../voice.transport';

/** Like a call, an Alexa session gets its replies in the answer to each request; nothing can be pushed to it later. */
export class AlexaTransport extends VoiceTransport {
  override readonly channels: readonly ChannelName[] = ['alexa'];
}
