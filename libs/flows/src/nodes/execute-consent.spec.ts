import { createHash } from 'node:crypto';
import { actionsOf, FlowDriver, textsOf } from '../testing/flow-driver';

const disclosure = 'Reply YES to get up to 4 msgs/month from Acme. Msg & data rates may apply. Reply STOP to cancel.';
const flow = (buttons = true) => `
schema: 2
id: consent-demo
start: c
nodes:
  c:
    type: consent
    purpose: sms_marketing
    method: double_opt_in
    buttons: ${buttons}
    disclosure:
      version: "2025-01"
      text: { en: "${disclosure}", es: "Responde SI para recibir mensajes de Acme." }
    retryText: "Please reply YES or NO."
    maxRetries: 1
    fallback: unsure
    yes: welcome
    no: bye
  welcome: { type: say, text: Welcome! }
  bye: { type: say, text: Okay. }
  unsure: { type: say, text: "No answer, no messages." }
`;

describe('consent', () => {
  it('shows the exact disclosure and records the grant with its version and hash', () => {
    const chat = new FlowDriver(flow());
    expect(chat.start()[0]).toEqual({ type: 'say', text: disclosure, quickReplies: [{ title: 'Yes', payload: 'yes' }, { title: 'No', payload: 'no' }] });
    const actions = chat.send('YES');
    expect(actionsOf(actions, 'consent')).toEqual([{
      type: 'consent',
      purpose: 'sms_marketing',
      granted: true,
      method: 'double_opt_in',
      disclosure: { version: '2025-01', locale: 'en', text: disclosure, sha256: createHash('sha256').update(disclosure).digest('hex') },
      evidence: { text: 'YES' },
    }]);
    expect(textsOf(actions)).toEqual(['Welcome!']);
  });

  it('records a refusal and takes the no path', () => {
    const chat = new FlowDriver(flow(false));
    expect(chat.start()[0]).not.toHaveProperty('quickReplies');
    const actions = chat.send(undefined, { payload: 'no' });
    expect(actionsOf(actions, 'consent')[0]).toMatchObject({ granted: false, evidence: { payload: 'no' } });
    expect(textsOf(actions)).toEqual(['Okay.']);
  });

  it('records the disclosure in the language it was shown in', () => {
    const chat = new FlowDriver(flow(), { locale: 'es-MX' });
    expect(textsOf(chat.start())).toEqual(['Responde SI para recibir mensajes de Acme.']);
    expect(actionsOf(chat.send('sí'), 'consent')[0].disclosure).toMatchObject({ locale: 'es', text: 'Responde SI para recibir mensajes de Acme.' });
  });

  it('re-prompts, then takes the fallback without recording anything', () => {
    const chat = new FlowDriver(flow());
    chat.start();
    expect(textsOf(chat.send('what?'))).toEqual(['Please reply YES or NO.']);
    const actions = chat.send('hmm');
    expect(textsOf(actions)).toEqual(['No answer, no messages.']);
    expect(actionsOf(chat.history, 'consent')).toEqual([]);
  });
});
