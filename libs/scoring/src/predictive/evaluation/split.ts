import { mulberry32, shuffled } from '@parley/core';

/** Row indices of each class, shuffled by the seed. */
function shuffledByClass(labels: Uint8Array, seed: number): number[][] {
  const random = mulberry32(seed);
  const byClass: number[][] = [[], []];
  labels.forEach((label, row) => byClass[label].push(row));

  return byClass.map((rows) => shuffled(rows, random));
}

/** A seeded split that keeps the class balance: `testShare` of each class goes to the test side. */
export function stratifiedSplit(labels: Uint8Array, testShare: number, seed: number): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  for (const rows of shuffledByClass(labels, seed)) {
    const cut = Math.round(rows.length * testShare);
    test.push(...rows.slice(0, cut));
    train.push(...rows.slice(cut));
  }

  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}

/** Fold number of every row for stratified k-fold cross-validation. */
export function stratifiedFolds(labels: Uint8Array, folds: number, seed: number): Int32Array {
  const fold = new Int32Array(labels.length);
  let next = 0;
  for (const rows of shuffledByClass(labels, seed)) for (const row of rows) fold[row] = next++ % folds;

  return fold;
}
