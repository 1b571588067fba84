import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadIntentExamples, loadNluConfig } from './load-intent-examples';

const flows = join(__dirname, '../../../../flows');

describe('loadIntentExamples', () => {
  it('reads the shipped flows/nlu examples, from flows/ or from flows/nlu', () => {
    const examples = loadIntentExamples(flows);
    const intents = new Set(examples.map((e) => e.intent));
    for (const intent of ['pricing', 'talk_to_human', 'book_demo', 'greeting', 'opt_out']) expect(intents).toContain(intent);
    expect(examples.every((e) => e.locale === 'en' && e.text.length > 0)).toBe(true);
    expect(loadIntentExamples(join(flows, 'nlu'))).toEqual(examples);
  });

  describe('in a folder of its own', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'parley-nlu-yaml-'));
      mkdirSync(join(dir, 'nlu'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('reads locale and thresholds', () => {
      writeFileSync(
        join(dir, 'nlu', 'sales.es.yaml'),
        'locale: es\nthreshold: 0.35\nintents:\n  pricing:\n    threshold: 0.6\n    examples: [cuánto cuesta, precio]\n',
      );
      expect(loadNluConfig(dir)).toEqual({
        examples: [
          { text: 'cuánto cuesta', intent: 'pricing', locale: 'es' },
          { text: 'precio', intent: 'pricing', locale: 'es' },
        ],
        threshold: 0.35,
        intentThresholds: { pricing: 0.6 },
      });
    });

    it('names the file and the problem when a file is invalid', () => {
      writeFileSync(join(dir, 'nlu', 'bad.yaml'), 'intents:\n  Pricing:\n    examples: []\n');
      expect(() => loadIntentExamples(dir)).toThrow(/bad\.yaml/);
    });

    it('finds nothing where there is nothing', () => {
      expect(loadIntentExamples(join(dir, 'missing'))).toEqual([]);
      expect(loadIntentExamples(dir)).toEqual([]);
    });
  });
});
