import type { HandoffCardData } from './handoff-card';
import { HandoffSla } from './handoff-sla.service';
import { InMemoryHandoffThreads } from './in-memory-handoff-threads';
import { SlackApi, type SlackBlock, type SlackPost } from './slack-api.port';

class RecordingSlack extends SlackApi {
  readonly posts: SlackPost[] = [];
  readonly updates: { channel: string; ts: string; text: string }[] = [];
  async postMessage(post: SlackPost) {
    this.posts.push(post);
    return { channel: post.channel, ts: `2.${this.posts.length}` };
  }
  async updateMessage(update: { channel: string; ts: string; text: string; blocks: SlackBlock[] }) {
    this.updates.push(update);
  }
  async postEphemeral() {}
}

async function setup(state: HandoffCardData['state'] = { status: 'open' }, escalationChannel = 'C_ESC') {
  const slack = new RecordingSlack();
  const threads = new InMemoryHandoffThreads();
  const card: HandoffCardData = { conversationId: 'conv-1', name: 'Ines', customerChannel: 'webchat', lastMessages: [], state, sla: { round: 0 } };
  await threads.save({ conversationId: 'conv-1', requestKey: 'k', channel: 'C_SALES', ts: '1.0', card });
  const sla = new HandoffSla({ salesChannel: 'C_SALES', escalationChannel, slaPingMinutes: 5, slaRerouteMinutes: 15 }, slack, threads);
  return { slack, threads, sla };
}

describe('HandoffSla', () => {
  it('pings an open card of the current round in its thread, shown in the channel too', async () => {
    const { slack, sla } = await setup();
    expect(await sla.run('conv-1', 'ping', 0)).toBe('pinged');
    expect(slack.posts).toEqual([expect.objectContaining({ channel: 'C_SALES', threadTs: '1.0', broadcast: true, text: expect.stringMatching(/^<!here> Still unclaimed after 5 min: Ines/) })]);
  });

  it('does nothing for a claimed, declined or resolved card, an older round, or an unknown conversation', async () => {
    for (const state of [{ status: 'claimed', by: 'U1' }, { status: 'declined', by: 'U1' }, { status: 'resolved', by: 'U1' }] as const) {
      const { slack, sla } = await setup(state);
      expect(await sla.run('conv-1', 'reroute', 0)).toBe('stale');
      expect(slack.posts).toEqual([]);
    }
    const { sla } = await setup();
    expect(await sla.run('conv-1', 'ping', 1)).toBe('stale');
    expect(await sla.run('conv-2', 'ping', 0)).toBe('stale');
  });

  it('moves an unclaimed card to the escalation channel: a new card takes the thread, in a new round', async () => {
    const { slack, threads, sla } = await setup();
    expect(await sla.run('conv-1', 'reroute', 0)).toBe('rerouted');
    expect(slack.posts[0]).toMatchObject({ channel: 'C_ESC', text: '<!here> Handoff request: Ines on webchat (unclaimed for 15 min)' });
    expect(slack.updates[0]).toMatchObject({ channel: 'C_SALES', ts: '1.0', text: ':arrow_right: Unclaimed after 15 min; moved to <#C_ESC>' });
    expect(await threads.byConversation('conv-1')).toMatchObject({ channel: 'C_ESC', ts: '2.1', card: { sla: { round: 1 }, state: { status: 'open' } } });
    expect(await sla.run('conv-1', 'reroute', 0)).toBe('stale');
  });

  it('pings instead when the card already is in the escalation channel', async () => {
    const { slack, sla } = await setup({ status: 'open' }, 'C_SALES');
    expect(await sla.run('conv-1', 'reroute', 0)).toBe('pinged');
    expect(slack.posts[0].text).toMatch(/after 15 min/);
    expect(slack.updates).toEqual([]);
  });
});
