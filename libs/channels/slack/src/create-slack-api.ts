import { WebApiSlack } from './drivers/web-api-slack';
import type { SlackApi } from './slack-api.port';
import { slackProblem, type SlackOptions } from './slack-options';
import { UnconfiguredSlackApi } from './unconfigured-slack-api';

/** Slack's Web API while the desk is on; while it is off, every call fails with the reason. */
export function createSlackApi(options: SlackOptions): SlackApi {
  const problem = slackProblem(options);
  return problem ? new UnconfiguredSlackApi(problem) : new WebApiSlack(options.botToken!, options.apiUrl);
}
