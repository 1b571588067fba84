import { syntheticDataset } from '../testing/synthetic-dataset';
import { encodeModel } from './model-codec';
import { trainIntentModel } from './train-intent-model';

const dataset = syntheticDataset();
const examples = dataset.train.map(([text, intent]) => ({ text, intent }));

describe('trainIntentModel', () => {
  const model = trainIntentModel(examples, { seed: 3 });

  it('learns the intents of its examples', () => {
    const correct = dataset.test.filter(([text, intent]) => model.classify(text).ranking[0].intent === intent).length;
    expect(correct / dataset.test.length).toBeGreaterThan(0.9);
  });

  it('ranks intents by calibrated probability, best first', () => {
    const { ranking, none } = model.classify('how much does the api cost');
    expect(ranking[0].intent).toBe('pricing');
    expect(ranking.map((r) => r.confidence)).toEqual([...ranking.map((r) => r.confidence)].sort((a, b) => b - a));
    expect(ranking.reduce((sum, r) => sum + r.confidence, none)).toBeCloseTo(1, 6);
  });

  it('is deterministic: same examples and seed, same model bytes, whatever the input order', () => {
    const again = trainIntentModel([...examples].reverse(), { seed: 3 });
    expect(encodeModel(again).equals(encodeModel(model))).toBe(true);
  });

  it('folds the reserved oos class into "none" and leaves it out of the ranking', () => {
    const withOos = trainIntentModel([...examples, ...dataset.oos_train!.map(([text]) => ({ text, intent: 'oos' }))], { seed: 3 });
    const { ranking, none } = withOos.classify('tell me a riddle about the moon');
    expect(ranking.map((r) => r.intent)).not.toContain('oos');
    expect(none).toBeGreaterThan(ranking[0].confidence);
  });

  it('handles a single intent without claiming everything', () => {
    const single = trainIntentModel([{ text: 'how much is it', intent: 'pricing' }, { text: 'what does it cost', intent: 'pricing' }]);
    expect(single.classify('what does it cost').ranking[0].confidence).toBeGreaterThan(single.classify('zebra crossing').ranking[0].confidence);
  });
});
