import { Body, ConflictException, Controller, Get, Header, NotFoundException, Param, Post, Query, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import { ConversationEngine } from '@parley/engine';
import { z } from 'zod';
import { ApiDoc } from '../admin/api-doc.decorator';
import { conversationListExample, handBackExample, replyBodyExample, replyExample, takeOverExample, transcriptExample } from './dashboard-api-examples';
import { ApiKeyGuard, type AdminRequest } from '../admin/api-key.guard';
import { AuditInterceptor } from '../admin/audit.interceptor';
import { parseInput } from '../admin/parse-input';
import { ANY_ROLE, Roles } from '../admin/roles.decorator';
import { AGENT_ROLES } from './agent-roles';
import { DashboardReadModel } from './dashboard-read-model';
import { listConversations } from './list-conversations';

const listQuery = z.strictObject({
  channel: z.string().max(32).optional(),
  owner: z.enum(['bot', 'human']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
const messagesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(200) });
const replyBody = z.strictObject({ text: z.string().trim().min(1).max(4000) });
const conversationId = z.string().uuid();

/** Live conversations for the dashboard: the list, a transcript, and a person taking over, replying and handing back. */
@Controller('api/v1/conversations')
@UseGuards(ApiKeyGuard)
@UseInterceptors(AuditInterceptor)
export class ConversationsController {
  constructor(
    private readonly model: DashboardReadModel,
    private readonly engine: ConversationEngine,
  ) {}

  @Get()
  @Roles(...ANY_ROLE)
  @ApiDoc({ summary: 'Conversations across channels, most recent first, with owner, score, segment and last message', query: listQuery, response: conversationListExample })
  @Header('Cache-Control', 'no-store')
  async list(@Query() query: unknown) {
    const q = parseInput(listQuery, query);
    return listConversations(this.model, q);
  }

  @Get(':id/messages')
  @Roles(...ANY_ROLE)
  @ApiDoc({ summary: "A conversation's transcript, oldest first", query: messagesQuery, response: transcriptExample })
  @Header('Cache-Control', 'no-store')
  async messages(@Param('id') id: string, @Query() query: unknown) {
    const { limit } = parseInput(messagesQuery, query);
    const found = await this.existing(id);
    const items = await this.engine.history(found, limit);
    return { conversationId: found, items };
  }

  @Post(':id/take-over')
  @Roles(...AGENT_ROLES)
  @ApiDoc({ summary: 'A person takes the conversation over from the bot (409 when someone already has)', response: takeOverExample, status: 201 })
  async takeOver(@Param('id') id: string, @Req() request: AdminRequest) {
    const found = await this.existing(id);
    if (!(await this.engine.transferOwner(found, 'bot', 'human'))) throw new ConflictException('someone already owns this conversation');
    return { conversationId: found, owner: 'human', by: request.apiKey!.name };
  }

  @Post(':id/hand-back')
  @Roles(...AGENT_ROLES)
  @ApiDoc({ summary: 'Hand a taken-over conversation back to the bot', response: handBackExample, status: 201 })
  async handBack(@Param('id') id: string) {
    const found = await this.existing(id);
    if (!(await this.engine.transferOwner(found, 'human', 'bot'))) throw new ConflictException('the bot already owns this conversation');
    return { conversationId: found, owner: 'bot' };
  }

  @Post(':id/reply')
  @Roles(...AGENT_ROLES)
  @ApiDoc({ summary: "Reply as the agent in a taken-over conversation; delivered on the customer's channel", body: replyBody, bodyExample: replyBodyExample, response: replyExample, status: 201 })
  async reply(@Param('id') id: string, @Body() body: unknown) {
    const { text } = parseInput(replyBody, body);
    const found = await this.existing(id);
    const conversation = await this.engine.find(found);
    if (conversation?.conversation.owner !== 'human') throw new ConflictException('take the conversation over before replying');
    const sent = await this.engine.sendAsAgent(found, text);
    if (!sent) throw new NotFoundException(`no conversation ${found}`);
    // SMS and WhatsApp: nothing after an opt-out, nothing in quiet hours unless it answers the customer's recent message.
    if ('held' in sent) {
      throw new ConflictException(sent.held === 'opted_out' ? 'not sent: the customer opted out of this channel' : `not sent: quiet hours for the customer until ${sent.until?.toISOString()}`);
    }
    return { id: sent.id, conversationId: found, from: 'agent', text, at: sent.at };
  }

  private async existing(id: string): Promise<string> {
    const wanted = parseInput(conversationId, id);
    if (!(await this.engine.find(wanted))) throw new NotFoundException(`no conversation ${wanted}`);
    return wanted;
  }
}
