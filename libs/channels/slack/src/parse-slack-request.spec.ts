import { parseSlackRequest } from './parse-slack-request';

describe('parseSlackRequest', () => {
  const message = { type: 'message', channel: 'C1', thread_ts: '1.1', ts: '1.2', user: 'U1', text: 'hello' };

  it('reads a button press from an interaction form', () => {
    const payload = JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: 'handoff_claim', value: 'conv-1' }] });
    expect(parseSlackRequest({ payload })).toEqual({ kind: 'claim', conversationId: 'conv-1', user: 'U1' });
  });

  it('reads Assign to… (a user picker: the block id names the conversation), Snooze and Resolve', () => {
    const press = (action: Record<string, unknown>) => parseSlackRequest({ payload: JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, actions: [action] }) });
    expect(press({ action_id: 'handoff_assign', block_id: 'handoff:conv-1', selected_user: 'U2' })).toEqual({ kind: 'assign', conversationId: 'conv-1', user: 'U1', assignee: 'U2' });
    expect(press({ action_id: 'handoff_assign', block_id: 'handoff:conv-1' }).kind).toBe('ignored');
    expect(press({ action_id: 'handoff_snooze', value: 'conv-1' })).toEqual({ kind: 'snooze', conversationId: 'conv-1', user: 'U1' });
    expect(press({ action_id: 'handoff_resolve', value: 'conv-1' })).toEqual({ kind: 'resolve', conversationId: 'conv-1', user: 'U1' });
  });

  it('reads a /parley slash command form', () => {
    expect(parseSlackRequest({ command: '/parley', text: ' lead dana@acme.io ', user_id: 'U1', channel_id: 'C1' })).toEqual({ kind: 'slash', user: 'U1', text: 'lead dana@acme.io' });
    expect(parseSlackRequest({ command: '/parley', text: 'mine' }).kind).toBe('ignored');
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
