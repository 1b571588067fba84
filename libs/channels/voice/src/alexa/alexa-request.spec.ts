import { parseAlexaRequest } from './alexa-request';
import { escapeSsml, toAlexaResponse } from './alexa-response';

const envelope = (request: Record<string, unknown>) => ({
  version: '1.0',
  session: { new: false, sessionId: 'S1', application: { applicationId: 'skill-1' }, user: { userId: 'U1' } },
  context: { System: { application: { applicationId: 'skill-1' }, user: { userId: 'U1' } } },
  request: { requestId: 'R1', timestamp: '2026-11-25T12:00:00Z', locale: 'en-US', ...request },
});
const intent = (name: string, slots?: Record<string, { value?: string }>) => envelope({ type: 'IntentRequest', intent: { name, slots } });

describe('parseAlexaRequest', () => {
  it('reads who speaks, in which session, for which skills, and the catch-all slot as the utterance', () => {
    expect(parseAlexaRequest(intent('CatchAllIntent', { utterance: { value: ' jane@acme.io ' } }))).toEqual({
      kind: 'utterance',
      requestId: 'R1',
      userId: 'U1',
      sessionId: 'S1',
      timestamp: new Date('2026-11-25T12:00:00Z'),
      applicationIds: ['skill-1', 'skill-1'],
      locale: 'en-US',
      utterance: 'jane@acme.io',
    });
  });

  it('tells launch, help, stop, not understood and session end apart', () => {
    expect(parseAlexaRequest(envelope({ type: 'LaunchRequest' })).kind).toBe('launch');
    expect(parseAlexaRequest(envelope({ type: 'SessionEndedRequest', reason: 'USER_INITIATED' })).kind).toBe('session-ended');
    expect(parseAlexaRequest(intent('AMAZON.HelpIntent')).kind).toBe('help');
    expect(parseAlexaRequest(intent('AMAZON.StopIntent')).kind).toBe('stop');
    expect(parseAlexaRequest(intent('AMAZON.CancelIntent')).kind).toBe('stop');
    expect(parseAlexaRequest(intent('AMAZON.FallbackIntent')).kind).toBe('not-understood');
    expect(parseAlexaRequest(intent('CatchAllIntent', { utterance: { value: '  ' } })).kind).toBe('not-understood');
  });

  it('writes a spoken bare number as its digit, so it picks an option', () => {
    expect(parseAlexaRequest(intent('CatchAllIntent', { utterance: { value: 'Two' } })).utterance).toBe('2');
    expect(parseAlexaRequest(intent('CompanySizeIntent', { size: { value: 'fifty people' } })).utterance).toBe('fifty people');
  });

  it('refuses what is not an Alexa request', () => {
    expect(() => parseAlexaRequest([])).toThrow('not an Alexa request');
    expect(() => parseAlexaRequest({ ...envelope({ type: 'LaunchRequest' }), request: { type: 'LaunchRequest', requestId: 'R'.repeat(256), timestamp: '2026-11-25T12:00:00Z' } })).toThrow(
      'request.requestId is invalid',
    );
    expect(() => parseAlexaRequest({ request: { type: 'LaunchRequest', requestId: 'R', timestamp: '2026-11-25T12:00:00Z' } })).toThrow('no user id');
    expect(() => parseAlexaRequest({ ...envelope({ type: 'LaunchRequest' }), request: { type: 'LaunchRequest', requestId: 'R', timestamp: 'soon' } })).toThrow('not a date');
  });
});

describe('toAlexaResponse', () => {
  it('speaks each line as an escaped SSML paragraph, reprompts in plain text, and keeps the session open', () => {
    expect(toAlexaResponse({ lines: ['Hi & <welcome>', "What's your name?"], reprompt: "What's your name?", endSession: false })).toEqual({
      version: '1.0',
      response: {
        outputSpeech: { type: 'SSML', ssml: '<speak><p>Hi &amp; &lt;welcome&gt;</p><p>What&apos;s your name?</p></speak>' },
        reprompt: { outputSpeech: { type: 'PlainText', text: "What's your name?" } },
        shouldEndSession: false,
      },
    });
  });

  it('ends the session without a reprompt', () => {
    expect(toAlexaResponse({ lines: ['Goodbye!'], reprompt: 'ignored', endSession: true }).response).toEqual({
      outputSpeech: { type: 'SSML', ssml: '<speak><p>Goodbye!</p></speak>' },
      shouldEndSession: true,
    });
    expect(escapeSsml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &apos;b&apos;');
  });
});
