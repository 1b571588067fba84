import { parseSlackRequest } from './parse-slack-request';

describe('parseSlackRequest', () => {
  const message = { type: 'message', channel: 'C1', thread_ts: '1.1', ts: '1.2', user: 'U1', text: 'hello' };

  it('reads a button press from an interaction form', () => {
    const payload = JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: 'handoff_claim', value: 'conv-1' }] });
    expect(parseSlackRequest({ payload })).toEqual({ kind: 'claim', conversationId: 'conv-1', user: 'U1' });
  });

  it('reads a thread reply and the url verification challenge', () => {
    expect(parseSlackRequest({ type: 'event_callback', event_id: 'Ev1', event: message })).toEqual({
      kind: 'reply', eventId: 'Ev1', channel: 'C1', threadTs: '1.1', text: 'hello',
    });
    expect(parseSlackRequest({ type: 'url_verification', challenge: 'abc' })).toEqual({ kind: 'challenge', challenge: 'abc' });
  });

  it('ignores our own posts, edits, unknown actions and junk', () => {
    expect(parseSlackRequest({ type: 'event_callback', event_id: 'Ev2', event: { ...message, bot_id: 'B1' } }).kind).toBe('ignored');
    expect(parseSlackRequest({ type: 'event_callback', event_id: 'Ev3', event: { ...message, subtype: 'message_changed' } }).kind).toBe('ignored');
    expect(parseSlackRequest({ payload: JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: 'other', value: 'x' }] }) }).kind).toBe('ignored');
    expect(parseSlackRequest({ payload: '{not json' }).kind).toBe('ignored');
    expect(parseSlackRequest(null).kind).toBe('ignored');
  });
});
