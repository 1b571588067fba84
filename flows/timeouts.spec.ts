import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// Wait timeouts need the engine's timer (not wired yet), so these paths run on the pure runner.
import { actionsOf, FlowDriver, textsOf } from '../libs/flows/src/testing/flow-driver';

const flow = (id: string) => readFileSync(join(__dirname, `${id}.flow.yaml`), 'utf8');
const now = new Date('2025-06-02T09:00:00Z');

describe('wait timeouts of the shipped flows', () => {
  it('cart-recovery nudges a quiet shopper after 4 hours and starts the abandonment emails', () => {
    const chat = new FlowDriver(flow('cart-recovery'), { now, attributes: { firstName: 'Maya', cartItems: 'Trail shoes', cartTotal: 89 } });
    expect(actionsOf(chat.start(), 'wait')).toEqual([{ type: 'wait', flowId: 'cart-recovery', nodeId: 'cart_wait', timeoutSeconds: 14400, until: '2025-06-02T13:00:00.000Z' }]);
    const actions = chat.timeout('2025-06-02T13:00:00.000Z');
    expect(textsOf(actions)).toEqual(["Your cart is saved for 48 hours, Maya. Here's 10% off if you'd like to finish: COMEBACK10"]);
    expect(actionsOf(actions, 'followup')).toEqual([
      { type: 'followup', kind: 'email_sequence', target: 'cart-abandonment', delaySeconds: 86400, data: { cartItems: 'Trail shoes', cartTotal: '89' } },
    ]);
  });

  it('event-registration lets go of a registration a week after the last message', () => {
    const chat = new FlowDriver(flow('event-registration'), { now, attributes: { name: 'Lena', email: 'lena@example.de' } });
    chat.start();
    chat.send('yes');
    chat.send('keynotes');
    chat.send('no');
    expect(chat.state).toMatchObject({ waitingAt: 'manage', waitUntil: '2025-06-09T09:00:00.000Z' });
    expect(chat.timeout('2025-06-09T09:00:00.000Z').at(-1)).toEqual({ type: 'end' });
    expect(textsOf(chat.send('change'))).toEqual(['Sure! Which part would you like to attend instead?']);
  });
});
