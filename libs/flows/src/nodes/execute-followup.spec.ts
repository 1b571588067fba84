import { actionsOf, FlowDriver } from '../testing/flow-driver';

const flow = `
schema: 2
id: followup-demo
start: f
nodes:
  f:
    type: followup
    kind: email_sequence
    target: event-reminders
    delay: 1d
    data: { event: "{{contact.eventName}}", seats: 2 }
    next: crm
  crm: { type: followup, kind: crm_push, target: hubspot }
`;

describe('followup', () => {
  it('enqueues an email sequence and a CRM push with templated data', () => {
    const actions = new FlowDriver(flow, { attributes: { eventName: 'Summit' } }).start();
    expect(actionsOf(actions, 'followup')).toEqual([
      { type: 'followup', kind: 'email_sequence', target: 'event-reminders', delaySeconds: 86400, data: { event: 'Summit', seats: 2 } },
      { type: 'followup', kind: 'crm_push', target: 'hubspot', delaySeconds: 0, data: {} },
    ]);
  });
});
