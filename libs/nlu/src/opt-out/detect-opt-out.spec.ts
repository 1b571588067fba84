import { detectOptOut } from './detect-opt-out';

describe('detectOptOut', () => {
  it.each([
    'STOP',
    'Stop.',
    'stop texting me',
    'Stop texting me!!',
    'please stop messaging me',
    'stop please',
    'unsubscribe me please',
    'how do I unsubscribe?',
    'no more messages',
    'No more texts, thanks',
    'opt me out',
    'take me off your list',
    'remove me from this list',
    "don't text me again",
    'do not contact me',
    'leave me alone',
    'I want to stop receiving these messages',
    'stop all these emails',
    "why don't you stop texting me",
    'cancel my subscription',
    'STOP ALL',
    'quit',
  ])('hears an English opt-out: %s', (text) => {
    expect(detectOptOut(text)).toMatchObject({ optOut: true });
  });

  it.each([
    'para',
    'PARA!',
    'basta ya',
    'baja',
    'no me escribas más',
    'dejen de enviarme mensajes',
    'quiero darme de baja',
    'no quiero recibir más mensajes',
    'arrêtez',
    "Arrêtez de m'envoyer des messages",
    'désabonnez-moi',
    "ne m'écrivez plus",
    'plus de messages svp',
    'stopp',
    'abmelden',
    'Bitte keine Nachrichten mehr',
    'hören Sie auf mir zu schreiben',
    'lass mich in Ruhe',
  ])('hears a Spanish, French or German opt-out: %s', (text) => {
    expect(detectOptOut(text)).toMatchObject({ optOut: true });
  });

  it.each([
    'stop by our booth',
    "don't stop",
    "I can't stop smiling",
    "I don't want to unsubscribe",
    'we never stop improving',
    'non-stop support',
    'the bus stops here',
    'when does the trial end?',
    'para mi empresa necesito un plan',
    "le bus s'arrête ici",
    'is there a stop-loss option',
    'what is your pricing',
    'book a demo',
    'I am interested',
  ])('does not fire on: %s', (text) => {
    expect(detectOptOut(text)).toMatchObject({ optOut: false });
  });

  it('reports what matched and how sure it is', () => {
    expect(detectOptOut('Please stop texting me')).toEqual({ optOut: true, confidence: 0.97, matched: 'stop texting me' });
  });

  it('gives weak cues a confidence without calling them opt-outs', () => {
    const result = detectOptOut('not interested');
    expect(result.optOut).toBe(false);
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(0.8);
  });

  it('is silent on an empty message', () => {
    expect(detectOptOut('')).toEqual({ optOut: false, confidence: 0 });
  });
});
