import type { BotConversationReference, IncomingActivity, OutgoingActivity } from './activity';

export interface ConnectorRequest {
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** How the edge answered: a status, and for a refusal the reason (sent as JSON). */
export interface ConnectorAnswer {
  status: number;
  reason?: string;
}

/**
 * The Bot Framework service as our channel needs it: authenticate an inbound request, and send
 * activities into a known conversation. botbuilder's CloudAdapter is one driver; its successor can be another.
 */
export abstract class BotConnector {
  /** Runs `onActivity` only for a request the channel's authentication accepts; refusals resolve with 401. */
  abstract receive(request: ConnectorRequest, onActivity: (activity: IncomingActivity) => Promise<void>): Promise<ConnectorAnswer>;
  /** Sends, in order, to the conversation of the reference, threaded under its activity when it has one. */
  abstract send(reference: BotConversationReference, activities: OutgoingActivity[]): Promise<void>;
}
