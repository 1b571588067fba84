import { Body, Controller, Headers, HttpCode, HttpException, Post, Res, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { IncomingActivity } from './activity';
import { BotConnector } from './bot-connector.port';
import { BotFrameworkInbox } from './botframework-inbox.service';
import { BotFrameworkOptions, botFrameworkProblem } from './botframework-options';
import { precheckActivity } from './parse-activity';

@Controller('api')
export class BotMessagesController {
  constructor(
    private readonly options: BotFrameworkOptions,
    private readonly connector: BotConnector,
    private readonly inbox: BotFrameworkInbox,
  ) {}

  /** The bot's messaging endpoint: the SDK authenticates the activity, the inbox stores it, replies go out on their own. */
  @Post('messages')
  @HttpCode(200)
  async receive(
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    const problem = botFrameworkProblem(this.options);
    if (problem) throw new ServiceUnavailableException({ error: 'channel_off', message: `the Bot Framework channel is off: ${problem}` });
    precheckActivity(body);
    const answer = await this.connector.receive({ headers, body }, (activity: IncomingActivity) => this.inbox.receive(activity, new Date()));
    if (answer.status === 401) throw new HttpException({ error: 'unauthorized', message: answer.reason ?? 'unauthorized' }, 401);
    if (answer.status >= 400) throw new HttpException({ error: answer.status === 400 ? 'bad_request' : 'refused', message: answer.reason ?? 'refused' }, answer.status);
    reply.code(answer.status);
    return '';
  }
}
