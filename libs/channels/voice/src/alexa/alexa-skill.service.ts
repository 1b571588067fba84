import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@parley/core';
import { ConversationEngine, ConversationStore, type OpenConversation } from '@parley/engine';
import { flowIsOver, lastPrompts } from '../call-progress';
import { assistantPrompt } from '../spoken-prompt';
import type { AlexaRequest } from './alexa-request';
import { EMPTY_ALEXA_RESPONSE, toAlexaResponse, type AlexaAnswer, type AlexaResponseBody } from './alexa-response';
import { AlexaTransport } from './alexa.transport';

export const ALEXA_LINES = {
  goodbye: 'Goodbye!',
  stopped: 'Okay. Talk to you soon. Goodbye!',
  welcomeBack: 'Welcome back! What can I do for you?',
  notUnderstood: "Sorry, I didn't catch that.",
  help: 'I ask a few quick questions to find the right plan for you. Just answer in your own words.',
  handedOff: 'A member of our team will get back to you shortly. Goodbye!',
} as const;

/** One Alexa session as a conversation: each verified request is a turn of the engine, answered with its replies. */
@Injectable()
export class AlexaSkill {
  constructor(
    private readonly engine: ConversationEngine,
    private readonly store: ConversationStore,
    private readonly transport: AlexaTransport,
  ) {}

  async answer(request: AlexaRequest): Promise<AlexaResponseBody> {
    if (request.kind === 'session-ended' || request.kind === 'other') {
      this.transport.callEnded(request.userId);
      return EMPTY_ALEXA_RESPONSE;
    }
    if (request.kind === 'stop') {
      this.transport.callEnded(request.userId);
      return toAlexaResponse({ lines: [ALEXA_LINES.stopped], endSession: true });
    }
    this.transport.callActive(request.userId);
    switch (request.kind) {
      case 'launch':
        return toAlexaResponse(await this.launch(request));
      case 'utterance':
        return toAlexaResponse(await this.hear(request, request.utterance!));
      case 'help':
        return toAlexaResponse(await this.respond(request, [ALEXA_LINES.help, ...(await this.pending(request)).slice(-1)]));
      case 'not-understood':
        return toAlexaResponse(await this.respond(request, [ALEXA_LINES.notUnderstood, ...(await this.pending(request)).slice(-1)]));
    }
  }

  /** A new session starts the user's flow, or picks it up where it stopped. */
  private async launch(request: AlexaRequest): Promise<AlexaAnswer> {
    const started = await this.engine.start('alexa', request.userId);
    if (started.length) return this.respond(request, started.map(assistantPrompt));
    const open = await this.open(request);
    if (flowIsOver(open) && open.conversation.messageCount > 0) return this.respond(request, [ALEXA_LINES.welcomeBack], true);
    return this.respond(request, await this.pending(request));
  }

  /** The request id names the utterance, so a retried request is stored once and answered with the same prompts. */
  private async hear(request: AlexaRequest, utterance: string): Promise<AlexaAnswer> {
    const result = await this.engine.handle(toInbound(request, utterance));
    const prompts = result.duplicate || !result.replies.length ? await this.pending(request) : result.replies.map(assistantPrompt);
    return this.respond(request, prompts);
  }

  private async respond(request: AlexaRequest, lines: string[], reopen = false): Promise<AlexaAnswer> {
    const open = await this.open(request);
    if (open.conversation.owner === 'human') return this.end(request, [...lines, ALEXA_LINES.handedOff]);
    if (flowIsOver(open) && !reopen) return this.end(request, [...lines, ALEXA_LINES.goodbye]);
    return { lines, reprompt: lines[lines.length - 1], endSession: false };
  }

  private end(request: AlexaRequest, lines: string[]): AlexaAnswer {
    this.transport.callEnded(request.userId);
    return { lines, endSession: true };
  }

  private open(request: AlexaRequest): Promise<OpenConversation> {
    return this.store.open('alexa', request.userId, new Date());
  }

  private async pending(request: AlexaRequest): Promise<string[]> {
    return lastPrompts((await this.engine.open('alexa', request.userId)).history).map(assistantPrompt);
  }
}

export function toInbound(request: AlexaRequest, utterance: string): InboundMessage {
  return {
    channel: 'alexa',
    address: request.userId,
    externalId: request.requestId,
    text: utterance,
    receivedAt: new Date(),
    ...(request.locale ? { locale: request.locale } : {}),
    metadata: { requestId: request.requestId, ...(request.sessionId ? { sessionId: request.sessionId } : {}) },
  };
}
