import { channelForQueue, slackProblem } from './slack-options';

describe('slack options', () => {
  const options = { signingSecret: 's', botToken: 'xoxb', salesChannel: 'C_SALES', queueChannels: 'sales:C_SALES, enterprise : C_ENT' };

  it('routes a queue to its channel and any other queue to the sales channel', () => {
    expect(channelForQueue(options, 'enterprise')).toBe('C_ENT');
    expect(channelForQueue(options, 'support')).toBe('C_SALES');
    expect(channelForQueue(options, undefined)).toBe('C_SALES');
  });

  it('names what is missing while the desk is off', () => {
    expect(slackProblem(options)).toBeUndefined();
    expect(slackProblem({ botToken: 'xoxb' })).toBe('Slack handoff is off: missing SLACK_SIGNING_SECRET, SLACK_SALES_CHANNEL');
  });
});
