import { Injectable } from '@nestjs/common';
import { HandoffActions, type ActionOutcome } from './handoff-actions.service';
import type { SlackCommand } from './parse-slack-request';

/** Slack retries an event it thinks we missed; its event_id tells a retry apart. */
const SEEN_LIMIT = 5_000;

/** Sends each verified Slack command to its handler, once per event. */
@Injectable()
export class SlackInbox {
  private readonly seen = new Set<string>();

  constructor(private readonly actions: HandoffActions) {}

  async dispatch(command: Exclude<SlackCommand, { kind: 'challenge' }>): Promise<ActionOutcome | 'ignored'> {
    switch (command.kind) {
      case 'claim':
        return this.actions.claim(command.conversationId, command.user);
      case 'decline':
        return this.actions.decline(command.conversationId, command.user);
      case 'release':
        return this.actions.release(command.conversationId, command.user);
      case 'reply':
        if (this.seen.has(command.eventId)) return 'ignored';
        if (this.seen.size >= SEEN_LIMIT) this.seen.delete(this.seen.values().next().value!);
        this.seen.add(command.eventId);
        return this.actions.reply(command.channel, command.threadTs, command.text);
      case 'ignored':
        return 'ignored';
    }
  }
}
