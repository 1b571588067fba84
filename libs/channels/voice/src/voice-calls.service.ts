import { Injectable } from '@nestjs/common';
import { ConversationEngine, ConversationStore, FlowCatalog, type OpenConversation } from '@parley/engine';
import { flowIsOver, lastPrompts } from './call-progress';
import { EMPTY_TWIML, toTwiml } from './drivers/twiml';
import { toInbound, type CallerInput, type VoiceWebhook } from './parse-voice-webhook';
import { spokenPrompt, type Speakable } from './spoken-prompt';
import { spokenLanguageFor } from './voice-locale';
import { publicUrl, VOICE_WEBHOOK_PATH, VoiceOptions } from './voice-options';
import { VoiceTransport } from './voice.transport';

export const VOICE_LINES = {
  goodbye: 'Thanks for calling. Goodbye!',
  welcomeBack: 'Welcome back! What can I do for you?',
  notHeard: "Sorry, I didn't hear anything.",
  silentGoodbye: "I still didn't hear anything, so I'll let you go. Thanks for calling. Goodbye!",
  handedOff: 'A member of our team will get back to you shortly. Thanks for calling. Goodbye!',
  transferring: 'Please hold while I connect you.',
} as const;

/** Where Twilio posts the next answer of the call; the turn and the silences so far ride in the signed URL. */
interface Listen {
  turn: number;
  silence: number;
  /** This turn asked for a human: with a sales number set, the call is transferred to it. */
  handoff?: boolean;
  /** Listen even though the flow has ended: a caller who finished it before may start over. */
  reopen?: boolean;
}

/** One phone call as a conversation: each webhook is a turn of the engine, answered with the TwiML that speaks its replies. */
@Injectable()
export class VoiceCalls {
  constructor(
    private readonly engine: ConversationEngine,
    private readonly store: ConversationStore,
    private readonly catalog: FlowCatalog,
    private readonly options: VoiceOptions,
    private readonly transport: VoiceTransport,
  ) {}

  async answer(call: VoiceWebhook): Promise<string> {
    if (call.over) {
      this.transport.callEnded(call.from);
      return EMPTY_TWIML;
    }
    this.transport.callActive(call.from);
    if (call.input) return this.afterInput(call, call.input);
    if (call.turn === 0 && call.silence === 0) return this.greet(call);
    return this.afterSilence(call);
  }

  /** A new call starts the caller's flow, or picks it up where it stopped (a repeated call, a retried webhook). */
  private async greet(call: VoiceWebhook): Promise<string> {
    const started = await this.engine.start('voice', call.from);
    const first = { turn: 1, silence: 0 };
    if (started.length) return this.respond(call, started.map(spokenPrompt), first);
    const open = await this.open(call);
    if (flowIsOver(open) && open.conversation.messageCount > 0) return this.respond(call, [VOICE_LINES.welcomeBack], { ...first, reopen: true });
    return this.respond(call, (await this.pending(call.from)).map(spokenPrompt), first);
  }

  /** A retried callback finds its message stored already: it is answered with the same prompts again. */
  private async afterInput(call: VoiceWebhook, input: CallerInput): Promise<string> {
    const result = await this.engine.handle(toInbound(call, input));
    const prompts = result.duplicate || !result.replies.length ? await this.pending(call.from) : result.replies;
    return this.respond(call, prompts.map(spokenPrompt), { turn: call.turn + 1, silence: 0, handoff: result.handoff });
  }

  /** One silence gets the question again; a second one ends the call politely. */
  private async afterSilence(call: VoiceWebhook): Promise<string> {
    if (call.silence >= 1) return this.hangUp(call, await this.open(call), [VOICE_LINES.silentGoodbye]);
    const prompts = (await this.pending(call.from)).map(spokenPrompt);
    return this.respond(call, [VOICE_LINES.notHeard, ...prompts], { turn: call.turn, silence: call.silence + 1 });
  }

  private async respond(call: VoiceWebhook, lines: string[], listen: Listen): Promise<string> {
    const open = await this.open(call);
    const salesNumber = this.options.salesNumber;
    if (listen.handoff && salesNumber) return this.hangUp(call, open, [...lines, VOICE_LINES.transferring], salesNumber);
    if (open.conversation.owner === 'human') return this.hangUp(call, open, [...lines, VOICE_LINES.handedOff]);
    if (flowIsOver(open) && !listen.reopen) return this.hangUp(call, open, [...lines, VOICE_LINES.goodbye]);
    const listenAt = publicUrl(this.options, `${VOICE_WEBHOOK_PATH}?turn=${listen.turn}&silence=${listen.silence}`);
    return toTwiml({ spoken: this.spokenLanguage(open), lines, listenAt });
  }

  /** Ends our part of the call: with a goodbye, or by transferring it to a person. */
  private hangUp(call: VoiceWebhook, open: OpenConversation, lines: string[], dial?: string): string {
    this.transport.callEnded(call.from);
    return toTwiml({ spoken: this.spokenLanguage(open), lines, ...(dial ? { dial } : {}) });
  }

  private open(call: VoiceWebhook): Promise<OpenConversation> {
    return this.store.open('voice', call.from, call.receivedAt);
  }

  private async pending(address: string): Promise<Speakable[]> {
    return lastPrompts((await this.engine.open('voice', address)).history);
  }

  private spokenLanguage(open: OpenConversation) {
    const { flowId, flowVersion } = open.conversation;
    const release = flowId && flowVersion ? this.catalog.release(flowId, flowVersion) : this.catalog.entryFlow('voice');
    return spokenLanguageFor(release?.flow.locale);
  }
}
