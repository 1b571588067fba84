import { syntheticDataset } from '../testing/synthetic-dataset';
import { crossValidatedTemperature, fitTemperature, heldOutOf } from './calibration';
import { trainIntentModel } from './train-intent-model';

const dataset = syntheticDataset(7);
const examples = dataset.train.map(([text, intent]) => ({ text, intent }));
const model = trainIntentModel(examples, { seed: 1 });

function loss(temperature: number, heldOut: ReturnType<typeof heldOutOf>): number {
  return heldOut.reduce((sum, { margins, target }) => {
    const { p, none } = model.probabilities(margins, temperature);

    return sum - Math.log(Math.max(target < 0 ? none : p[target], 1e-12));
  }, 0);
}

describe('temperature calibration', () => {
  const heldOut = heldOutOf(model, [
    ...dataset.val.map(([text, intent]) => ({ text, intent })),
    ...dataset.oos_val!.map(([text]) => ({ text, intent: 'oos' })),
  ]);

  it('fits the temperature that minimises held-out log-loss', () => {
    const t = fitTemperature(model, heldOut);
    expect(loss(t, heldOut)).toBeLessThanOrEqual(loss(t * 1.5, heldOut));
    expect(loss(t, heldOut)).toBeLessThanOrEqual(loss(t / 1.5, heldOut));
  });

  it('cross-validates a temperature without a validation split, deterministically', () => {
    const t = crossValidatedTemperature(model, examples, { seed: 1 });
    expect(t).toBeGreaterThan(0);
    expect(crossValidatedTemperature(model, examples, { seed: 1 })).toBe(t);
  });
});
