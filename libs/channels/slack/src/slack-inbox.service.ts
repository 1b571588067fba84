import { Injectable } from '@nestjs/common';
import { HandoffActions } from './handoff-actions.service';
import type { SlackCommand } from './parse-slack-request';
import { SlackEventLog } from './slack-event-log.port';
import { SlackWork } from './slack-work';
import { SlashCommands, type SlashAnswer } from './slash-command.service';

type Work = Exclude<SlackCommand, { kind: 'challenge' | 'slash' | 'ignored' }>;

/** Sends each verified Slack command to its handler, once per event, after the request is acknowledged. */
@Injectable()
export class SlackInbox {
  constructor(
    private readonly actions: HandoffActions,
    private readonly slash: SlashCommands,
    private readonly work: SlackWork,
    private readonly events: SlackEventLog,
  ) {}

  /** Slash commands are quick look-ups: answered in the response itself. */
  answer(user: string, text: string): Promise<SlashAnswer> {
    return this.slash.run(user, text);
  }

  /** Queues the command's work and returns at once; a retried event (an event_id already taken) does nothing. */
  accept(command: Work): void {
    const key = command.kind === 'reply' ? `thread:${command.channel}:${command.threadTs}` : `card:${command.conversationId}`;
    this.work.later(key, `slack ${command.kind}`, () => this.run(command));
  }

  private async run(command: Work) {
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
        if (!(await this.events.firstSeen(command.eventId))) return 'ignored';
        return this.actions.reply(command.channel, command.threadTs, command.text);
    }
  }
}
