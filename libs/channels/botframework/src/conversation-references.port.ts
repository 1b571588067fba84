import type { BotConversationReference } from './activity';

/** Where each user's conversation lives, so a message sent later (an agent's reply, a follow-up) reaches them. */
export abstract class ConversationReferences {
  abstract save(address: string, reference: BotConversationReference): Promise<void>;
  abstract find(address: string): Promise<BotConversationReference | undefined>;
}
