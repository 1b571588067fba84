import { toTwiml } from './drivers/twiml';
import { parseVoiceWebhook, toInbound } from './parse-voice-webhook';
import { spokenOptions, spokenPrompt } from './spoken-prompt';
import { spokenLanguageFor } from './voice-locale';

const SIZES = [
  { title: '1-49', payload: 'smb' },
  { title: '50-999', payload: 'midmarket' },
  { title: '1000+', payload: 'enterprise' },
];
const at = new Date('2026-11-25T12:00:00Z');

describe('spoken prompts', () => {
  it('reads quick replies as keypad choices and drops what cannot be spoken', () => {
    expect(spokenOptions(SIZES)).toBe('Say or press 1 for 1-49, 2 for 50-999, or 3 for 1000+.');
    expect(spokenOptions(SIZES.slice(0, 1))).toBe('Say or press 1 for 1-49.');
    expect(spokenPrompt({ text: 'Pick one! 🎉 https://parley.example/plans', quickReplies: SIZES.slice(0, 2) })).toBe(
      'Pick one! Say or press 1 for 1-49, or 2 for 50-999.',
    );
  });

  it('picks a voice and a recognition language for the flow locale, American English otherwise', () => {
    expect(spokenLanguageFor('de')).toEqual({ voice: 'Polly.Vicki', language: 'de-DE' });
    expect(spokenLanguageFor('fr-CA')).toEqual({ voice: 'Polly.Lea', language: 'fr-FR' });
    expect(spokenLanguageFor(undefined)).toEqual({ voice: 'Polly.Joanna', language: 'en-US' });
    expect(spokenLanguageFor('xx')).toEqual({ voice: 'Polly.Joanna', language: 'en-US' });
  });
});

describe('parseVoiceWebhook', () => {
  it('takes keypad digits before speech, and trims the full stop recognisers add', () => {
    const base = { CallSid: 'CA1', From: '+15551230000' };
    expect(parseVoiceWebhook({ ...base, Digits: '2', SpeechResult: 'two' }, { turn: '3' }, at).input).toEqual({ kind: 'dtmf', digits: '2' });
    expect(parseVoiceWebhook({ ...base, SpeechResult: 'jane@acme.io.', Confidence: '0.87' }, {}, at).input).toEqual({
      kind: 'speech',
      text: 'jane@acme.io',
      confidence: 0.87,
    });
    expect(parseVoiceWebhook({ ...base, SpeechResult: ' ' }, { turn: '1', silence: '1' }, at)).toMatchObject({ input: undefined, turn: 1, silence: 1 });
  });

  it('gives each call from a withheld number a conversation of its own', () => {
    expect(parseVoiceWebhook({ CallSid: 'CA1', From: '+15551230000' }, {}, at).from).toBe('+15551230000');
    expect(parseVoiceWebhook({ CallSid: 'CA2', From: 'anonymous' }, {}, at).from).toBe('anonymous:CA2');
    expect(parseVoiceWebhook({ CallSid: 'CA3', From: '+266696687' }, {}, at).from).toBe('anonymous:CA3');
  });

  it('ignores odd turn counters and refuses a webhook without a call', () => {
    expect(parseVoiceWebhook({ CallSid: 'CA1', From: '+1555' }, { turn: ['1', '2'], silence: '-1' }, at)).toMatchObject({ turn: 0, silence: 0 });
    expect(() => parseVoiceWebhook({ From: '+1555' }, {}, at)).toThrow('CallSid and From are required');
  });

  it('names each answer by call and turn, so a retried callback is the same message', () => {
    const call = parseVoiceWebhook({ CallSid: 'CA9', From: '+15551230000', Digits: '2' }, { turn: '4' }, at);
    expect(toInbound(call, call.input!)).toEqual({
      channel: 'voice',
      address: '+15551230000',
      externalId: 'CA9:4',
      text: '2',
      receivedAt: at,
      metadata: { callSid: 'CA9', inputMode: 'dtmf' },
    });
  });
});

describe('toTwiml', () => {
  const spoken = { voice: 'Polly.Joanna', language: 'en-US' };

  it('speaks the prompts inside a speech and keypad Gather that posts back, escaping markup', () => {
    expect(toTwiml({ spoken, lines: ['Hi & welcome', 'Your name?'], listenAt: 'https://p.example/webhooks/twilio/voice?turn=1&silence=0' })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="speech dtmf" speechTimeout="auto" ' +
        'action="https://p.example/webhooks/twilio/voice?turn=1&amp;silence=0" method="POST" actionOnEmptyResult="true" language="en-US">' +
        '<Say voice="Polly.Joanna" language="en-US">Hi &amp; welcome</Say><Say voice="Polly.Joanna" language="en-US">Your name?</Say></Gather></Response>',
    );
  });

  it('transfers the call instead of hanging up when a number is given', () => {
    expect(toTwiml({ spoken, lines: ['Hold on.'], dial: '+15005550100' })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna" language="en-US">Hold on.</Say><Dial>+15005550100</Dial></Response>',
    );
  });

  it('hangs up when nothing more is asked', () => {
    expect(toTwiml({ spoken, lines: ['Goodbye!'] })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say voice="Polly.Joanna" language="en-US">Goodbye!</Say><Hangup/></Response>',
    );
  });
});
