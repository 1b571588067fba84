import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { parseSlackRequest } from './parse-slack-request';
import { SlackInbox } from './slack-inbox.service';
import { SlackSignatureGuard } from './slack-signature.guard';
import type { SlashAnswer } from './slash-command.service';

/**
 * Slack's Events API, interactivity (buttons) and the `/parley` slash command all post here, signed.
 * Events and button presses are acknowledged at once (empty 200) and worked on afterwards.
 */
@Controller('slack')
@UseGuards(SlackSignatureGuard)
export class SlackEventsController {
  constructor(private readonly inbox: SlackInbox) {}

  @Post('events')
  @HttpCode(200)
  async receive(@Body() body: unknown): Promise<{ challenge: string } | SlashAnswer | undefined> {
    const command = parseSlackRequest(body);
    if (command.kind === 'challenge') return { challenge: command.challenge };
    if (command.kind === 'slash') return this.inbox.answer(command.user, command.text);
    if (command.kind !== 'ignored') this.inbox.accept(command);
    return undefined;
  }
}
