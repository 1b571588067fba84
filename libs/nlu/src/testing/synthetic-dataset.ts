import { mulberry32 } from '@parley/core';
import type { Dataset } from '../eval/dataset';

const SLOTS: Record<string, string[]> = {
  when: ['today', 'tomorrow', 'this weekend', 'on friday', 'next week', 'tonight', 'in the morning'],
  product: ['the pro plan', 'your crm', 'the starter tier', 'analytics', 'the api', 'the mobile app'],
  amount: ['50 dollars', '$200', 'a hundred euros', '20 bucks', '1k'],
  who: ['my landlord', 'alex', 'my sister', 'the plumber', 'jordan'],
  thing: ['a joke', 'a poem', 'a story', 'a fun fact', 'a riddle'],
  place: ['paris', 'the moon', 'mount everest', 'the ocean', 'tokyo'],
};

const INTENTS: Record<string, string[]> = {
  weather: ["what's the weather {when}", 'will it rain {when}', 'is it going to be sunny {when}', 'forecast for {when}', 'do I need an umbrella {when}'],
  pricing: ['how much does {product} cost', 'price of {product}', 'what do you charge for {product}', 'is {product} expensive', '{product} pricing please'],
  book_demo: ['book a demo {when}', 'schedule a walkthrough {when}', 'can I see a demo of {product}', 'show me {product} {when}', 'demo of {product} {when} please'],
  transfer: ['send {amount} to {who}', 'transfer {amount} to {who}', 'wire {who} {amount}', 'pay {who} {amount} {when}', 'move {amount} over to {who}'],
  reset_password: ["I forgot my password", 'reset my password {when}', "can't log in to {product}", 'locked out of {product}', 'password reset for {product} please'],
  greeting: ['hi there', 'hello', 'good morning', 'hey, how are you', 'hello, anyone around {when}'],
};

const OUT_OF_SCOPE = ['tell me {thing}', 'how far away is {place}', 'write {thing} about {place}', 'who is the king of {place}', 'how tall is {place}'];

function sampler(seed: number): (templates: string[]) => string {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];

  return (templates) => pick(templates).replace(/\{(\w+)\}/g, (_, slot: string) => pick(SLOTS[slot]));
}

/** A small CLINC150-shaped dataset with templated intents and out-of-scope texts: fast enough for specs. */
export function syntheticDataset(seed = 42, perIntent = { train: 20, val: 8, test: 10 }): Dataset {
  const sample = sampler(seed);
  const split = (count: number): [string, string][] =>
    Object.entries(INTENTS).flatMap(([intent, templates]) => Array.from({ length: count }, (): [string, string] => [sample(templates), intent]));
  const oos = (count: number): [string, string][] => Array.from({ length: count }, (): [string, string] => [sample(OUT_OF_SCOPE), 'oos']);

  return { train: split(perIntent.train), val: split(perIntent.val), test: split(perIntent.test), oos_train: oos(10), oos_val: oos(10), oos_test: oos(20) };
}
