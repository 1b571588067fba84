import { Injectable } from '@nestjs/common';
import { HandoffActions } from './handoff-actions.service';
import type { SlackCommand } from './parse-slack-request';
import { SlackWork } from './slack-work';
import { SlashCommands, type SlashAnswer } from './slash-command.service';

/** Slack retries an event it thinks we missed; its event_id tells a retry apart. */
const SEEN_LIMIT = 5_000;

type Work = Exclude<SlackCommand, { kind: 'challenge' | 'slash' | 'ignored' }>;

/** Sends each verified Slack command to its handler, once per event, after the request is acknowledged. */
@Injectable()
export class SlackInbox {
  private readonly seen = new Set<string>();

  constructor(
    private readonly actions: HandoffActions,
    private readonly slash: SlashCommands,
    private readonly work: SlackWork,
  ) {}

  /** Slash commands are quick look-ups: answered in the response itself. */
  answer(user: string, text: string): Promise<SlashAnswer> {
    return this.slash.run(user, text);
  }

  /** Queues the command's work and returns at once; false when it is a retry of an event already taken. */
  accept(command: Work): boolean {
    if (command.kind === 'reply') {
      if (this.seen.has(command.eventId)) return false;
      if (this.seen.size >= SEEN_LIMIT) this.seen.delete(this.seen.values().next().value!);
      this.seen.add(command.eventId);
    }
    const key = command.kind === 'reply' ? `thread:${command.channel}:${command.threadTs}` : `card:${command.conversationId}`;
    this.work.later(key, `slack ${command.kind}`, () => this.run(command));
    return true;
  }

  private run(command: Work) {
    switch (command.kind) {
      case 'claim':
        return this.actions.claim(command.conversationId, command.user);
      case 'assign':
        return this.actions.assign(command.conversationId, command.user, command.assignee);
      case 'snooze':
        return this.actions.snooze(command.conversationId, command.user);
      case 'decline':
        return this.actions.decline(command.conversationId, command.user);
      case 'release':
        return this.actions.end(command.conversationId, command.user, 'released');
      case 'resolve':
        return this.actions.end(command.conversationId, command.user, 'resolved');
      case 'reply':
        return this.actions.reply(command.channel, command.threadTs, command.text);
    }
  }
}
