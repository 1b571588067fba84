import type { BotConversationReference } from './activity';
import { ConversationReferences } from './conversation-references.port';

const CAPACITY = 10_000;

/** References for one process (tests, single-instance demos); the server stores them in its database. */
export class InMemoryConversationReferences extends ConversationReferences {
  private readonly byAddress = new Map<string, BotConversationReference>();

  async save(address: string, reference: BotConversationReference): Promise<void> {
    this.byAddress.delete(address);
    this.byAddress.set(address, reference);
    if (this.byAddress.size > CAPACITY) this.byAddress.delete(this.byAddress.keys().next().value!);
  }

  async find(address: string): Promise<BotConversationReference | undefined> {
    return this.byAddress.get(address);
  }
}
