import { Logger } from '@nestjs/common';
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type ConversationReference, type Response } from 'botbuilder';
import type { BotConversationReference, IncomingActivity, OutgoingActivity } from '../activity';
import { BotConnector, type ConnectorAnswer, type ConnectorRequest } from '../bot-connector.port';
import { botFrameworkMode, type BotFrameworkOptions } from '../botframework-options';

/** The part of botframework-connector's ConnectorClient we use (the package is botbuilder's, not ours to import). */
interface ConnectorConversations {
  conversations: {
    replyToActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<unknown>;
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<unknown>;
  };
}

/** Connector clients kept, one per serviceUrl (a handful per cloud region; bounded for emulator mode). */
const MAX_CLIENTS = 64;

/** Captures what CloudAdapter.process answers, so the controller (not the SDK) writes the HTTP response. */
function capturingResponse(): { response: Response; answer: () => ConnectorAnswer } {
  let status = 200;
  let body: unknown;
  const response = {
    status: (code: number) => void (status = code),
    send: (value: unknown) => void (body = value),
    header: () => undefined,
    end: () => undefined,
  } as unknown as Response;
  return { response, answer: () => ({ status, ...(typeof body === 'string' ? { reason: body } : {}) }) };
}

/**
 * Public-cloud endpoints. Setting any one of them (the OpenID metadata URL) switches the SDK to "parameterized" mode,
 * where every endpoint left unset is undefined (no token issuer, no login URL): so all are given together.
 */
const PUBLIC_CLOUD = {
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
  ValidateAuthority: 'true',
};

function sdkSettings(options: BotFrameworkOptions): Record<string, string> {
  if (!options.appId || !options.appPassword) return {};
  return {
    MicrosoftAppId: options.appId,
    MicrosoftAppPassword: options.appPassword,
    ...(options.tenantId ? { MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: options.tenantId } : { MicrosoftAppType: 'MultiTenant' }),
    ...(options.openIdMetadataUrl ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: options.openIdMetadataUrl } : {}),
  };
}

/**
 * botbuilder 4.x: CloudAdapter authenticates inbound JWTs (keys from the OpenID metadata, issuer, audience = our app id,
 * serviceUrl claim) and sends through the Connector REST API with a token for our app. Without an app id the SDK turns
 * authentication off both ways (no JWT checked, no token fetched): the options decide whether that mode is allowed at all.
 */
export class CloudAdapterConnector extends BotConnector {
  private readonly logger = new Logger('BotFrameworkConnector');
  private readonly adapter: CloudAdapter;
  private readonly appId: string;
  /** Off (half the credentials, or none without emulator mode): the SDK would not authenticate, so nothing is let in. */
  private readonly off: boolean;
  private readonly clients = new Map<string, ConnectorConversations>();

  constructor(options: BotFrameworkOptions) {
    super();
    this.appId = options.appId && options.appPassword ? options.appId : '';
    this.off = botFrameworkMode(options) === 'off';
    this.adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(sdkSettings(options)));
  }

  async receive(request: ConnectorRequest, onActivity: (activity: IncomingActivity) => Promise<void>): Promise<ConnectorAnswer> {
    if (this.off) return { status: 503, reason: 'the Bot Framework channel is off' };
    const { response, answer } = capturingResponse();
    let reached = false;
    let failure: { error: unknown } | undefined;
    const sdkRequest = { method: 'POST', headers: request.headers, body: request.body as Record<string, unknown> };
    try {
      await this.adapter.process(sdkRequest, response, async (context) => {
        reached = true;
        try {
          await onActivity(context.activity as unknown as IncomingActivity);
        } catch (error) {
          failure = { error };
        }
      });
    } catch (error) {
      // Thrown before our logic ran: the SDK could not read the activity (no type, an unusable serviceUrl…).
      if (reached) throw error;
      this.logger.warn(`activity not readable: ${error instanceof Error ? error.message : String(error)}`);
      return { status: 400, reason: 'not a readable activity' };
    }
    if (failure) throw failure.error;
    const result = answer();
    // An invoke we have no answer for: the SDK says 501; "nothing to do" is the honest answer for a bot without invokes.
    if (reached && result.status === 501) return { status: 200 };
    // The SDK answers 500 for a token it could not verify (a bad signature, keys it could not load): still a refusal.
    if (!reached && result.status >= 400) {
      if (result.status !== 401) this.logger.warn(`activity refused: ${result.reason ?? result.status}`);
      return result.status === 400 ? { status: 400, reason: result.reason ?? 'not an activity' } : { status: 401, reason: 'the request is not signed by the Bot Framework for this bot' };
    }
    return result;
  }

  async send(reference: BotConversationReference, activities: OutgoingActivity[]): Promise<void> {
    const client = await this.clientFor(reference);
    for (const activity of activities) {
      const addressed = {
        ...activity,
        channelId: reference.channelId,
        serviceUrl: reference.serviceUrl,
        conversation: reference.conversation,
        from: reference.bot,
        recipient: reference.user,
        ...(reference.locale ? { locale: reference.locale } : {}),
        ...(reference.activityId ? { replyToId: reference.activityId } : {}),
      } as Partial<Activity>;
      if (reference.activityId) await client.conversations.replyToActivity(reference.conversation.id, reference.activityId, addressed);
      else await client.conversations.sendToConversation(reference.conversation.id, addressed);
    }
  }

  /**
   * The SDK builds a connector client (credentials, HTTP pipeline, a token client) for every proactive turn: the
   * client of a serviceUrl is taken from the first one and kept. It holds no conversation, only where and as whom to post.
   */
  private async clientFor(reference: BotConversationReference): Promise<ConnectorConversations> {
    const cached = this.clients.get(reference.serviceUrl);
    if (cached) return cached;
    let client: ConnectorConversations | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference as ConversationReference, async (context) => {
      client = context.turnState.get<ConnectorConversations>(this.adapter.ConnectorClientKey);
    });
    if (!client) throw new Error(`no connector client for ${reference.serviceUrl}`);
    this.clients.set(reference.serviceUrl, client);
    if (this.clients.size > MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value!);
    return client;
  }
}
