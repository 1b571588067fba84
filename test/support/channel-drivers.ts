import type { AlexaTestSigner, FakeBotConnector, FakeTwilio } from '@parley/testing';
import { randomUUID } from 'node:crypto';
import { AlexaUser, type AlexaReply } from './alexa-user';
import { BotFrameworkUser } from './bot-framework-user';
import { ChatClient, type ChatMessage } from './chat-client';
import { randomPhone, SmsPeer } from './sms-peer';
import { VoiceCaller, type CallStep } from './voice-caller';

/** What a channel's users do in a transcript: open the conversation, say something, pick one of the last options. */
export interface ChannelDriver {
  readonly channel: string;
  /** The channel and address whose contact the conversation belongs to. */
  readonly identity: { channel: string; address: string };
  /** Opens the conversation as the channel does (a chat hello, a call, a skill launch), then says `first` if given; by SMS, the first text opens it. */
  open(first?: string): Promise<void>;
  say(text: string): Promise<void>;
  /** Picks the option with this title from the bot's last message, the channel's way (button, number, keypress, spoken digit). */
  press(title: string): Promise<void>;
  close(): Promise<void>;
}

/** What a driver needs of the running app and its fakes. */
export interface DriverContext {
  url: () => string;
  twilio: FakeTwilio;
  alexaSigner: AlexaTestSigner;
  botConnector: FakeBotConnector;
}

/** "Say or press 1 for 1-49, 2 for 50-999, or 3 for 1000+." → the number of the option with that title. */
function spokenChoice(lines: readonly string[], title: string): string {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const line of [...lines].reverse()) {
    const match = new RegExp(`(\\d+) for ${escaped}(?:,|\\.$)`).exec(line);
    if (match) return match[1];
  }
  throw new Error(`no spoken option "${title}" in ${JSON.stringify(lines)}`);
}

async function settle(count: () => number, before: number, quietMs = 150, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = count();
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = count();
    if (now !== seen) [seen, quietSince] = [now, Date.now()];
    else if (now > before && Date.now() - quietSince >= quietMs) return;
  }
  if (count() === before) throw new Error('no reply within 5 s');
}

export class WebchatDriver implements ChannelDriver {
  readonly channel = 'webchat';
  readonly identity = { channel: 'webchat', address: randomUUID() };
  private client?: ChatClient;

  constructor(private readonly context: DriverContext) {}

  private get chat(): ChatClient {
    return this.client!;
  }

  async open(first?: string): Promise<void> {
    this.client = new ChatClient(this.context.url());
    await this.chat.hello({ visitorId: this.identity.address });
    await settle(() => this.chat.received.length, 0);
    if (first !== undefined) await this.say(first);
  }

  async say(text: string): Promise<void> {
    await this.send({ text });
  }

  async press(title: string): Promise<void> {
    const offer = [...this.chat.received].reverse().find((m: ChatMessage) => m.quickReplies?.some((q) => q.title === title));
    const reply = offer?.quickReplies?.find((q) => q.title === title);
    if (!reply) throw new Error(`no button "${title}" in ${JSON.stringify(this.chat.received.map((m) => m.quickReplies))}`);
    await this.send({ text: reply.title, payload: reply.payload });
  }

  private async send(message: { text: string; payload?: string }): Promise<void> {
    const before = this.chat.received.length;
    const ack = (await this.chat.emitRaw('message', { ...message, clientMessageId: randomUUID() })) as { error?: unknown };
    if (ack.error) throw new Error(`message refused: ${JSON.stringify(ack.error)}`);
    await settle(() => this.chat.received.length, before);
  }

  async close(): Promise<void> {
    this.client?.close();
  }
}

export class SmsDriver implements ChannelDriver {
  readonly channel = 'sms';
  readonly identity = { channel: 'sms', address: randomPhone() };
  private readonly peer: SmsPeer;

  constructor(private readonly context: DriverContext) {
    this.peer = new SmsPeer(context.url, context.twilio);
  }

  private received(): string[] {
    return this.context.twilio.sentTo(this.identity.address).map((m) => m.body ?? '');
  }

  /** A text conversation has no opening of its own: the first text opens it. */
  async open(first = 'hi'): Promise<void> {
    await this.say(first);
  }

  async say(text: string): Promise<void> {
    const before = this.received().length;
    const response = await this.peer.post('/webhooks/twilio/sms', this.peer.inbound(this.identity.address, text));
    if (response.status !== 200) throw new Error(`SMS webhook answered ${response.status}: ${response.body}`);
    await settle(() => this.received().length, before);
  }

  async press(title: string): Promise<void> {
    const numbered = [...this.received()].reverse().map((body) => new RegExp(`^(\\d+)[.)] ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm').exec(body));
    const match = numbered.find(Boolean);
    if (!match) throw new Error(`no numbered option "${title}" in ${JSON.stringify(this.received())}`);
    await this.say(match[1]);
  }

  async close(): Promise<void> {}
}

export class VoiceDriver implements ChannelDriver {
  readonly channel = 'voice';
  readonly identity = { channel: 'voice', address: randomPhone() };
  private caller: VoiceCaller;
  private step?: CallStep;
  private readonly said: string[] = [];

  constructor(private readonly context: DriverContext) {
    this.caller = new VoiceCaller(context.url, this.identity.address);
  }

  private heard(step: CallStep): void {
    if (step.status !== 200) throw new Error(`voice webhook answered ${step.status}: ${step.twiml}`);
    this.step = step;
    this.said.push(...step.said);
  }

  async open(first?: string): Promise<void> {
    this.heard(await this.caller.dial());
    if (first !== undefined) await this.say(first);
  }

  /** A call that ended (the flow had finished) is dialled again, as the caller would. */
  private async listening(): Promise<CallStep> {
    if (!this.step?.listenAt) {
      this.caller = new VoiceCaller(this.context.url, this.identity.address);
      await this.open();
    }
    return this.step!;
  }

  async say(text: string): Promise<void> {
    this.heard(await this.caller.say(await this.listening(), text));
  }

  async press(title: string): Promise<void> {
    this.heard(await this.caller.press(await this.listening(), spokenChoice(this.said, title)));
  }

  async close(): Promise<void> {}
}

export class AlexaDriver implements ChannelDriver {
  readonly channel = 'alexa';
  private readonly user: AlexaUser;
  readonly identity: { channel: string; address: string };
  private readonly said: string[] = [];
  private ended = false;

  constructor(context: DriverContext) {
    this.user = new AlexaUser(context.url, context.alexaSigner);
    this.identity = { channel: 'alexa', address: this.user.userId };
  }

  private heard(reply: AlexaReply): void {
    if (reply.status !== 200) throw new Error(`Alexa endpoint answered ${reply.status}: ${JSON.stringify(reply.body)}`);
    this.said.push(...reply.said);
    this.ended = reply.ended === true;
  }

  /** A session that ended (the flow had finished) is opened again, as the user would. */
  private async listening(): Promise<void> {
    if (!this.ended) return;
    await this.user.endSession();
    this.heard(await this.user.launch());
  }

  async open(first?: string): Promise<void> {
    this.heard(await this.user.launch());
    if (first !== undefined) await this.say(first);
  }

  async say(text: string): Promise<void> {
    await this.listening();
    this.heard(await this.user.say(text));
  }

  async press(title: string): Promise<void> {
    await this.listening();
    this.heard(await this.user.say(spokenChoice(this.said, title)));
  }

  async close(): Promise<void> {}
}

export class BotFrameworkDriver implements ChannelDriver {
  readonly channel = 'botframework';
  private readonly user: BotFrameworkUser;
  readonly identity: { channel: string; address: string };

  constructor(context: DriverContext) {
    this.user = new BotFrameworkUser(context.url, context.botConnector);
    this.identity = { channel: 'botframework', address: this.user.address };
  }

  private async post(send: () => ReturnType<BotFrameworkUser['post']>): Promise<void> {
    const before = this.user.messages().length;
    const result = await send();
    if (result.status >= 300) throw new Error(`/api/messages answered ${result.status}: ${result.body}`);
    await settle(() => this.user.messages().length, before);
  }

  async open(first?: string): Promise<void> {
    await this.post(() => this.user.join());
    if (first !== undefined) await this.say(first);
  }

  async say(text: string): Promise<void> {
    await this.post(() => this.user.say(text));
  }

  async press(title: string): Promise<void> {
    const find = () => this.user.messages().map(BotFrameworkUser.actionsOf).reverse().flat().find((a) => a.title === title);
    // Each reply is its own POST to the Connector: on a busy machine the question with the options can come after a pause.
    const action = await this.user.connector.waitFor(find, 5_000).catch(() => {
      throw new Error(`no suggested action "${title}" in ${JSON.stringify(this.user.messages().map(BotFrameworkUser.actionsOf))}`);
    });
    await this.post(() => this.user.press(action));
  }

  async close(): Promise<void> {}
}

/** Every channel the transcripts run on; a new channel adds its driver here. */
export const CHANNEL_DRIVERS: Record<string, (context: DriverContext) => ChannelDriver> = {
  webchat: (context) => new WebchatDriver(context),
  sms: (context) => new SmsDriver(context),
  voice: (context) => new VoiceDriver(context),
  alexa: (context) => new AlexaDriver(context),
  botframework: (context) => new BotFrameworkDriver(context),
};
