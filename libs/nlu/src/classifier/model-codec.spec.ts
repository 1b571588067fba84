import { syntheticDataset } from '../testing/synthetic-dataset';
import { decodeModel, encodeModel } from './model-codec';
import { trainIntentModel } from './train-intent-model';

describe('model codec', () => {
  const model = trainIntentModel(
    syntheticDataset().train.map(([text, intent]) => ({ text, intent })),
    { seed: 1 },
  );
  model.temperature = 0.2;

  it('reloads a model that answers exactly as the trained one', () => {
    const reloaded = decodeModel(encodeModel(model));
    expect(reloaded.labels).toEqual(model.labels);
    expect(reloaded.temperature).toBe(0.2);
    for (const text of ['send $200 to alex', 'hello', 'is analytics expensive', 'totally unrelated words']) {
      expect(reloaded.classify(text)).toEqual(model.classify(text));
    }
  });

  it('reads a buffer at any byte offset', () => {
    const bytes = encodeModel(model);
    const shifted = Buffer.concat([Buffer.alloc(3), bytes]).subarray(3);
    expect(decodeModel(shifted).classify('hello')).toEqual(model.classify('hello'));
  });

  it('rejects what is not a model', () => {
    expect(() => decodeModel(Buffer.from('not a model at all'))).toThrow(/format/);
    expect(() => decodeModel(encodeModel(model).subarray(0, 200))).toThrow();
  });
});
