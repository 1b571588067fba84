import { parseFlow, formatFlowError } from '../loading/flow-loader';
import { FlowDriver, saysOf } from '../testing/flow-driver';

const SID = 'HX0123456789abcdef0123456789abcdef';

const flow = (template: string) => `
schema: 2
id: nudge
start: waiting
nodes:
  waiting:
    type: wait
    text: Still there?
    whatsappTemplate: { contentSid: ${SID} }
    timeout: 4h
    next: done
    onTimeout: nudge
  nudge:
    type: say
    text: "Your cart is saved, {{contact.firstName | default: \\"friend\\"}}."
    whatsappTemplate: ${template}
    next: done
  done:
    type: end
`;

const problems = (source: string) => {
  const loaded = parseFlow(source, 'nudge.flow.yaml');
  return loaded.ok ? [] : loaded.errors.map(formatFlowError);
};

describe('whatsappTemplate on nodes that send', () => {
  it('fills the variables from the contact, unescaped, next to the free-form text', () => {
    const driver = new FlowDriver(flow(`{ contentSid: ${SID}, variables: { "1": "{{contact.firstName | default: \\"friend\\"}}", code: COMEBACK10 } }`), {
      channel: 'whatsapp',
      attributes: { firstName: 'Leo <3' },
    });
    expect(saysOf(driver.start())).toEqual([{ type: 'say', text: 'Still there?', whatsappTemplate: { contentSid: SID, variables: {} } }]);
    expect(saysOf(driver.timeout())).toEqual([
      { type: 'say', text: 'Your cart is saved, Leo <3.', whatsappTemplate: { contentSid: SID, variables: { '1': 'Leo <3', code: 'COMEBACK10' } } },
    ]);
  });

  it('is validated: a Content SID is HX and 32 hex digits, placeholder names are plain', () => {
    expect(problems(flow(`{ contentSid: ${SID} }`))).toEqual([]);
    expect(problems(flow('{ contentSid: SM123 }')).join('\n')).toMatch(/nodes\.nudge\.whatsappTemplate\.contentSid.*HX and 32 hex digits/);
    expect(problems(flow(`{ contentSid: ${SID}, variables: { "a b": x } }`)).join('\n')).toMatch(/whatsappTemplate\.variables\.a b: Invalid key/);
    expect(problems(flow(`{ contentSid: ${SID}, body: x }`)).join('\n')).toMatch(/body/);
  });
});
