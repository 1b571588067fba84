import { WebApiSlack } from './drivers/web-api-slack';
import { SlackApi } from './slack-api.port';
import { slackProblem, type SlackOptions } from './slack-options';

/** Slack's Web API while the desk is on; while it is off, every call fails with the reason. */
export function createSlackApi(options: SlackOptions): SlackApi {
  const problem = slackProblem(options);
  return problem ? new UnconfiguredSlackApi(problem) : new WebApiSlack(options.botToken!, options.apiUrl);
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
