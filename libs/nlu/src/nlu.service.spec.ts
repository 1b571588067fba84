import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIntentExamples } from './examples/load-intent-examples';
import { NluService } from './nlu.service';

const flowExamples = loadIntentExamples(join(__dirname, '../../../flows'));
const clock = () => new Date(2025, 2, 5, 10, 0, 0);

describe('NluService', () => {
  let service: NluService;
  beforeAll(async () => {
    service = await NluService.create({ examples: flowExamples, clock });
  });

  it.each([
    ['how much is it for 20 users?', 'pricing'],
    ['could you show me the product', 'book_demo'],
    ['I need a real person', 'talk_to_human'],
    ['hey!', 'greeting'],
  ])('understands %s as %s', (text, intent) => {
    expect(service.understand(text)).toMatchObject({ intent, outOfScope: false });
  });

  it('says when a message is out of scope', () => {
    const understood = service.understand("what's the capital of peru");
    expect(understood).toMatchObject({ intent: undefined, outOfScope: true });
    expect(understood.ranking.length).toBeGreaterThan(0);
  });

  it('extracts the entity an ask node waits for from a sentence', () => {
    expect(service.understand("sure, it's jane@acme.io", { expected: ['email'] }).entities).toEqual([
      { type: 'email', value: 'jane@acme.io', text: 'jane@acme.io', start: 11, end: 23 },
    ]);
  });

  it('reads relative dates against its clock and names only when asked', () => {
    expect(service.understand('next Tuesday 3pm').entities[0].value).toBe(new Date(2025, 2, 11, 15).toISOString());
    expect(service.understand("I'm Jane", { expected: ['text'] }).entities).toMatchObject([{ type: 'person_name', value: 'Jane' }]);
    expect(service.understand("I'm Jane").entities).toEqual([]);
  });

  it('works with no examples at all: entities only, never an intent', async () => {
    const empty = await NluService.create({ examples: [] });
    expect(empty.understand('call me on +44 20 7946 0958')).toEqual({
      confidence: 0,
      ranking: [],
      outOfScope: true,
      ambiguous: false,
      entities: [{ type: 'phone', value: '+442079460958', text: '+44 20 7946 0958', start: 11, end: 27 }],
    });
  });

  it('applies per-intent thresholds and flags close calls as ambiguous', async () => {
    const strict = await NluService.create({ examples: flowExamples, intentThresholds: { pricing: 0.9999 } });
    expect(strict.understand('how much is it?')).toMatchObject({ intent: undefined, outOfScope: true });
    const undecided = await NluService.create({ examples: flowExamples, ambiguityMargin: 1 });
    expect(undecided.understand('how much is it?')).toMatchObject({ intent: 'pricing', ambiguous: true });
  });

  it('keeps one model per language and falls back to the default one', async () => {
    const bilingual = await NluService.create({
      examples: [
        ...flowExamples,
        ...['cuánto cuesta', 'qué precio tiene', 'precio del plan', 'cuánto vale la licencia'].map((text) => ({ text, intent: 'pricing', locale: 'es' })),
        ...['hola', 'buenos días', 'buenas tardes', 'hola, qué tal'].map((text) => ({ text, intent: 'greeting', locale: 'es-MX' })),
      ],
    });
    expect(bilingual.languages.sort()).toEqual(['en', 'es']);
    expect(bilingual.understand('¿cuánto cuesta el plan?', { locale: 'es-MX' }).intent).toBe('pricing');
    expect(bilingual.understand('how much is it?', { locale: 'fr' }).intent).toBe('pricing');
  });

  describe('model artefacts', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'parley-nlu-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('saves the model, reloads it while the examples stay the same, retrains when they change', async () => {
      const first = await NluService.create({ examples: flowExamples, modelDir: dir });
      const [file] = readdirSync(dir);
      expect(file).toMatch(/^nlu-en-[0-9a-f]{16}\.bin$/);
      const written = statSync(join(dir, file)).mtimeMs;

      const second = await NluService.create({ examples: [...flowExamples].reverse(), modelDir: dir });
      expect(readdirSync(dir)).toEqual([file]);
      expect(statSync(join(dir, file)).mtimeMs).toBe(written);
      expect(second.understand('what are your prices')).toEqual(first.understand('what are your prices'));

      await NluService.create({ examples: [...flowExamples, { text: 'what integrations do you have', intent: 'integrations' }], modelDir: dir });
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).not.toBe(file);
    });
  });

  it('answers well under a millisecond', () => {
    const texts = ['how much is it for 20 users?', "sure, it's jane@acme.io", 'next Tuesday 3pm works', 'we are about 250 people', 'stop'];
    for (let i = 0; i < 200; i++) service.understand(texts[i % texts.length]);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) service.understand(texts[i % texts.length], { expected: ['text'] });
    const microsEach = Number(process.hrtime.bigint() - started) / 1000 / 1000;
    expect(microsEach).toBeLessThan(1000);
  });
});
