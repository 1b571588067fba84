import { HandoffThreads, repOf, type HandoffThread } from './handoff-thread.port';

/** Bounded, per process: a restart forgets open threads (their conversations keep their owner). */
const LIMIT = 10_000;

export class InMemoryHandoffThreads extends HandoffThreads {
  private readonly byId = new Map<string, HandoffThread>();
  private readonly byTs = new Map<string, HandoffThread>();

  async save(thread: HandoffThread): Promise<void> {
    const previous = this.byId.get(thread.conversationId);
    if (previous) this.byTs.delete(`${previous.channel}:${previous.ts}`);
    this.byId.delete(thread.conversationId);
    if (this.byId.size >= LIMIT) {
      const [oldest] = this.byId.values();
      this.byId.delete(oldest.conversationId);
      this.byTs.delete(`${oldest.channel}:${oldest.ts}`);
    }
    this.byId.set(thread.conversationId, thread);
    this.byTs.set(`${thread.channel}:${thread.ts}`, thread);
  }

  async byConversation(conversationId: string): Promise<HandoffThread | undefined> {
    return this.byId.get(conversationId);
  }

  async byMessage(channel: string, ts: string): Promise<HandoffThread | undefined> {
    return this.byTs.get(`${channel}:${ts}`);
  }

  async ownedBy(user: string, limit: number): Promise<HandoffThread[]> {
    return [...this.byId.values()].filter((t) => repOf(t.card) === user).reverse().slice(0, limit);
  }
}
