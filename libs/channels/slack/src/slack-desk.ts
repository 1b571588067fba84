import { WebApiSlack } from './drivers/web-api-slack';
import { HandoffThreads } from './handoff-thread.port';
import { InMemoryHandoffThreads } from './in-memory-handoff-threads';
import { SlackApi } from './slack-api.port';
import { SlackHandoffDesk } from './slack-handoff.desk';
import { slackProblem, type SlackOptions } from './slack-options';

/** The drivers the engine (the desk) and the Slack module (cards, buttons, replies) share. */
export interface SlackDesk {
  api: SlackApi;
  threads: HandoffThreads;
  desk: SlackHandoffDesk;
}

/** Built before the engine, which relays to the desk; undefined while Slack is off. */
export function createSlackDesk(options: SlackOptions): SlackDesk | undefined {
  if (slackProblem(options)) return undefined;
  const api = new WebApiSlack(options.botToken!, options.apiUrl);
  const threads = new InMemoryHandoffThreads();
  return { api, threads, desk: new SlackHandoffDesk(api, threads) };
}

export class UnconfiguredSlackApi extends SlackApi {
  constructor(private readonly problem: string) {
    super();
  }

  postMessage(): Promise<never> {
    return Promise.reject(new Error(this.problem));
  }

  updateMessage(): Promise<never> {
    return Promise.reject(new Error(this.problem));
  }
}
