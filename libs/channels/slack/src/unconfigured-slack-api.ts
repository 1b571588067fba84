import { SlackApi } from './slack-api.port';

/** Stands in while SLACK_* settings are missing; PostHandoffCard and the route guard check first. */
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

  postEphemeral(): Promise<never> {
    return Promise.reject(new Error(this.problem));
  }
}
