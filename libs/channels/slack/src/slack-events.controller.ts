import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { parseSlackRequest } from './parse-slack-request';
import { SlackInbox } from './slack-inbox.service';
import { SlackSignatureGuard } from './slack-signature.guard';

/** Slack's Events API and interactivity (buttons) both post here, signed. */
@Controller('slack')
@UseGuards(SlackSignatureGuard)
export class SlackEventsController {
  constructor(private readonly inbox: SlackInbox) {}

  @Post('events')
  @HttpCode(200)
  async receive(@Body() body: unknown): Promise<Record<string, string>> {
    const command = parseSlackRequest(body);
    if (command.kind === 'challenge') return { challenge: command.challenge };
    return { outcome: await this.inbox.dispatch(command) };
  }
}
