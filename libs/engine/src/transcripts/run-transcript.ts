import { NOTHING_UNDERSTOOD, type InboundMessage, type Understanding } from '@parley/core';
import { renderForChannel, type ChannelRendering, type FlowAction, type FlowState } from '@parley/flows';
import { ConversationEngine } from '../conversation-engine';
import { NoHandoffDesk, NoInboundCompliance } from '../default-adapters';
import { InMemoryConversationStore } from '../in-memory-conversation-store';
import { InMemoryFlowCatalog } from '../in-memory-flow-catalog';
import type { FlowRelease } from '../ports';
import { TransportRegistry } from '../transport-registry';
import { checkExpectations } from './check-expectations';
import type { LoadedTranscript } from './load-transcript';
import { observeFlowActions } from './observe-flow-actions';
import { FixedClock, RecordingTransport, ScriptedUnderstanding } from './transcript-adapters';
import type { Transcript, TranscriptStep, UserStep } from './transcript.schema';

export interface TranscriptFailure {
  line: number;
  message: string;
}

export interface TranscriptResult {
  file: string;
  name: string;
  passed: boolean;
  turns: number;
  failures: TranscriptFailure[];
  ms: number;
}

const DEFAULT_NOW = '2025-01-04T12:00:00Z';

function sameLine(expected: string, actual: string): boolean {
  if (expected.length > 1 && expected.startsWith('/') && expected.endsWith('/')) return new RegExp(expected.slice(1, -1), 'su').test(actual);
  return expected === actual;
}

const optionsOf = (shown: ChannelRendering | undefined) => shown?.quickReplies ?? shown?.numbered ?? [];

function understandingOf(step: UserStep): Understanding {
  const entities = (step.entities ?? []).map((e) => ({ type: e.type, value: e.value, text: e.text ?? String(e.value), start: 0, end: 0 }));
  return step.intent || entities.length
    ? { ...NOTHING_UNDERSTOOD, intent: step.intent, confidence: step.intent ? 1 : 0, ranking: [], entities, outOfScope: !step.intent }
    : NOTHING_UNDERSTOOD;
}

/** One transcript against the real ConversationEngine, in memory: its replies, the store it wrote, the flow's actions. */
class TranscriptRun {
  readonly failures: TranscriptFailure[] = [];
  readonly actions: FlowAction[] = [];
  private readonly store = new InMemoryConversationStore();
  private readonly catalog: InMemoryFlowCatalog;
  private readonly nlu = new ScriptedUnderstanding();
  private readonly engine: ConversationEngine;
  private readonly now: Date;
  private readonly address: string;
  private pending: ChannelRendering[] = [];
  private lastShown: ChannelRendering | undefined;
  private turns = 0;

  constructor(private readonly t: Transcript, private readonly loaded: LoadedTranscript, flows: readonly FlowRelease[]) {
    this.catalog = new InMemoryFlowCatalog(t.flow);
    for (const release of flows) this.catalog.publish(release.flow, release.version);
    const transports = new TransportRegistry();
    transports.register(new RecordingTransport());
    this.now = new Date(t.now ?? DEFAULT_NOW);
    this.address = t.contact.address ?? `transcript:${loaded.name}`;
    this.engine = new ConversationEngine({
      store: this.store, catalog: this.catalog, understanding: this.nlu, compliance: new NoInboundCompliance(),
      handoff: new NoHandoffDesk(), transports, clock: new FixedClock(this.now),
    });
  }

  private fail(line: number, message: string): void {
    this.failures.push({ line, message });
  }

  async run(): Promise<number> {
    const { t, loaded } = this;
    if (!this.catalog.latest(t.flow)) {
      this.fail(1, `flow "${t.flow}" is not loaded (missing or invalid)`);
      return 0;
    }
    const seeded = await this.store.open(t.channel, this.address);
    const { segments, score, attributes } = t.contact;
    this.store.contacts.set(seeded.contact.id, { ...attributes, ...(segments ? { segments } : {}), ...(score !== undefined ? { score } : {}) });
    if ('bot' in t.conversation[0]) await this.turn(loaded.stepLines[0]);
    for (const [i, step] of t.conversation.entries()) await this.play(step, loaded.stepLines[i] ?? 1);
    const lastLine = loaded.stepLines.at(-1) ?? 1;
    for (const extra of this.pending) this.fail(lastLine, `the bot also said ${JSON.stringify(extra.text)}`);
    const final = await this.store.open(t.channel, this.address);
    const outcome = {
      attributes: final.contact.attributes,
      actions: this.actions,
      ended: (final.conversation.state as FlowState | null)?.waitingAt === null,
    };
    for (const problem of checkExpectations(t.expect, outcome)) this.fail(lastLine, problem);
    return this.turns;
  }

  private async play(step: TranscriptStep, line: number): Promise<void> {
    if ('bot' in step) {
      const shown = this.pending.shift();
      if (!shown) return this.fail(line, `expected bot ${JSON.stringify(step.bot)}, but the bot said nothing more`);
      this.lastShown = shown;
      if (!sameLine(step.bot, shown.text)) this.fail(line, `expected bot ${JSON.stringify(step.bot)}\n      but got ${JSON.stringify(shown.text)}`);
      const titles = optionsOf(shown).map((o) => o.title);
      if (step.options && JSON.stringify(step.options) !== JSON.stringify(titles)) {
        this.fail(line, `expected options ${JSON.stringify(step.options)}, got ${JSON.stringify(titles)}`);
      }
      return;
    }
    for (const extra of this.pending.splice(0)) this.fail(line, `before this, the bot also said ${JSON.stringify(extra.text)}`);
    if ('press' in step) return this.press(step.press, line);
    await this.send({ text: step.user ?? undefined, payload: step.payload, locale: step.locale ?? this.t.locale }, understandingOf(step), line);
  }

  private async press(title: string, line: number): Promise<void> {
    const options = optionsOf(this.lastShown);
    const index = options.findIndex((o) => o.title.toLowerCase() === title.toLowerCase());
    if (index < 0) return this.fail(line, `no button ${JSON.stringify(title)} (options: ${JSON.stringify(options.map((o) => o.title))})`);
    const numbered = !this.lastShown?.quickReplies;
    const message = numbered ? { text: String(index + 1) } : { text: options[index].title, payload: options[index].payload };
    await this.send({ ...message, locale: this.t.locale }, NOTHING_UNDERSTOOD, line);
  }

  private async send(message: { text?: string; payload?: string; locale?: string }, understanding: Understanding, line: number): Promise<void> {
    this.turns++;
    const inbound: InboundMessage = {
      channel: this.t.channel, address: this.address, externalId: `transcript-${this.turns}`, receivedAt: this.now,
      ...(message.text !== undefined ? { text: message.text } : {}),
      ...(message.payload ? { payload: message.payload } : {}),
      ...(message.locale ? { locale: message.locale } : {}),
    };
    await this.turn(line, inbound, understanding);
  }

  private async turn(line: number, inbound?: InboundMessage, understanding: Understanding = NOTHING_UNDERSTOOD): Promise<void> {
    const before = await this.store.open(this.t.channel, this.address);
    const observed = observeFlowActions(this.catalog, before, inbound, understanding, this.now);
    this.nlu.next = understanding;
    const replies = inbound ? (await this.engine.handle(inbound)).replies : await this.engine.start(this.t.channel, this.address);
    this.actions.push(...observed);
    const said = observed.flatMap((a) => (a.type === 'say' ? [a.text] : []));
    const delivered = replies.map((r) => r.text);
    if (JSON.stringify(said) !== JSON.stringify(delivered)) {
      this.fail(line, `the engine delivered ${JSON.stringify(delivered)} but the flow said ${JSON.stringify(said)}`);
    }
    this.pending = replies.map((r) => renderForChannel(r, this.t.channel));
  }
}

export async function runTranscript(loaded: LoadedTranscript, flows: readonly FlowRelease[]): Promise<TranscriptResult> {
  const started = performance.now();
  const result = (failures: TranscriptFailure[], turns: number): TranscriptResult => ({
    file: loaded.file, name: loaded.name, passed: failures.length === 0, turns, failures, ms: performance.now() - started,
  });
  if (!loaded.transcript) return result(loaded.errors, 0);
  const run = new TranscriptRun(loaded.transcript, loaded, flows);
  try {
    const turns = await run.run();
    return result(run.failures, turns);
  } catch (error) {
    return result([...run.failures, { line: 0, message: `the engine threw: ${error instanceof Error ? error.stack : String(error)}` }], 0);
  }
}
