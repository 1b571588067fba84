import { Injectable } from '@nestjs/common';
import { HandoffCardFactory } from './handoff-card.factory';
import { renderHandoffCard } from './handoff-card';
import { HandoffThreads } from './handoff-thread.port';
import { LeadDirectory } from './lead-directory.port';
import type { SlackBlock } from './slack-api.port';

/** What a slash command answers: an ephemeral message, only the rep who typed it sees it. */
export interface SlashAnswer {
  response_type: 'ephemeral';
  text: string;
  blocks?: SlackBlock[];
}

const USAGE = 'Usage: `/parley lead <email or phone>` shows a lead\'s card; `/parley mine` lists your open conversations.';
const MINE_LIMIT = 50;

const ephemeral = (text: string, blocks?: SlackBlock[]): SlashAnswer => ({ response_type: 'ephemeral', text, ...(blocks ? { blocks } : {}) });

/** `/parley lead <email|phone>` and `/parley mine`. */
@Injectable()
export class SlashCommands {
  constructor(
    private readonly directory: LeadDirectory,
    private readonly threads: HandoffThreads,
    private readonly cards: HandoffCardFactory,
  ) {}

  async run(user: string, text: string): Promise<SlashAnswer> {
    const [verb, ...rest] = text.split(/\s+/).filter(Boolean);
    if (verb === 'lead' && rest.length === 1) return this.lead(rest[0]);
    if (verb === 'mine' && rest.length === 0) return this.mine(user);
    return ephemeral(USAGE);
  }

  private async lead(key: string): Promise<SlashAnswer> {
    const phone = key.replace(/[\s().-]/g, '');
    if (!key.includes('@') && !/^\+?\d{5,15}$/.test(phone)) return ephemeral(`"${key}" is neither an email address nor a phone number. ${USAGE}`);
    const query = key.includes('@') ? { email: key.toLowerCase() } : { phone };
    const found = await this.directory.find(query);
    if (!found) return ephemeral(`No lead found for ${key}.`);
    const thread = await this.threads.byConversation(found.conversationId);
    const card = thread?.card ?? (await this.cards.build(found.conversationId))?.card;
    if (!card) return ephemeral(`No lead found for ${key}.`);
    const where = thread ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `Card and thread in <#${thread.channel}>` }] }] : [];
    // Buttons act on the card in the channel, so the private copy shows none.
    return ephemeral(`Lead ${key}`, [...renderHandoffCard(card).filter((b) => b.type !== 'actions'), ...where]);
  }

  private async mine(user: string): Promise<SlashAnswer> {
    const owned = await this.threads.ownedBy(user, MINE_LIMIT);
    if (!owned.length) return ephemeral('You have no open conversations.');
    const lines = owned.map((t) => `• ${t.card.name ?? 'a visitor'} on ${t.card.customerChannel}${t.card.email ? ` (${t.card.email})` : ''}: thread in <#${t.channel}>`);
    return ephemeral(`Your open conversations (${owned.length}):\n${lines.join('\n')}`);
  }
}
