import { mulberry32 } from '@parley/core';
import { rocAuc } from '../evaluation/metrics';
import type { BinnedColumns } from './binning';
import { findSplit } from './find-split';
import { DEFAULT_GBDT_PARAMS, gbdtMargins, trainGbdt } from './train-gbdt';

/** Interleaved gradient, hessian, count per bin. */
const histogram = (bins: [number, number, number][]) => Float64Array.from(bins.flat());
const params = { lambda: 1, minRowsPerLeaf: 1, minHessianPerLeaf: 0 };

describe('gradient-boosted trees', () => {
  it('sends missing values (bin 0) to whichever side of a numeric cut fits them', () => {
    const missingLikeHigh = histogram([[-10, 10, 10], [10, 10, 10], [10, 10, 10], [-10, 10, 10]]);
    expect(findSplit(missingLikeHigh, false, params)?.leftBins).toEqual([1, 2]);
    const missingLikeLow = histogram([[10, 10, 10], [10, 10, 10], [-10, 10, 10], [-10, 10, 10]]);
    expect(findSplit(missingLikeLow, false, params)?.leftBins).toEqual([0, 1]);
  });

  it('groups categories by their gradient, not by their order', () => {
    const split = findSplit(histogram([[8, 10, 10], [-9, 10, 10], [7, 10, 10], [-8, 10, 10]]), true, params);
    expect(split?.leftBins).toEqual([1, 3]);
    expect(findSplit(histogram([[5, 10, 3], [-5, 10, 3]]), true, { ...params, minRowsPerLeaf: 5 })).toBeUndefined();
  });

  it('learns an interaction that no single column shows (XOR), deterministically for a seed', () => {
    const random = mulberry32(9);
    const n = 2000;
    const a = Uint16Array.from({ length: n }, () => (random() < 0.5 ? 1 : 2));
    const b = Uint16Array.from({ length: n }, () => Math.floor(random() * 3));
    const labels = Uint8Array.from({ length: n }, (_, r) => (random() < ((a[r] === 1) !== (b[r] === 0) ? 0.85 : 0.15) ? 1 : 0));
    const data: BinnedColumns = { bins: [a, b], binCounts: [3, 3], rows: n };
    const train = () => trainGbdt(data, [false, true], labels, new Float64Array(n).fill(1), { ...DEFAULT_GBDT_PARAMS, trees: 30, columnSample: 1 });
    const margins = gbdtMargins(train(), data);
    expect(rocAuc(labels, margins)).toBeGreaterThan(0.8);
    expect(gbdtMargins(train(), data)).toEqual(margins);
  });
});
