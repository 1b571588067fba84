import type { Stem } from '../text/stemmer';
import { featureStrings } from './features';

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

/** Vocabulary and idf weights: texts become sublinear-tf × idf vectors with unit L2 norm. */
export class FeatureSpace {
  private readonly vocabulary: Map<string, number>;

  constructor(
    readonly terms: string[],
    readonly idf: Float32Array,
    private readonly stem: Stem,
  ) {
    this.vocabulary = new Map(terms.map((term, i) => [term, i]));
  }

  static fit(texts: string[], stem: Stem): { space: FeatureSpace; vectors: SparseVector[] } {
    const documentFrequency = new Map<string, number>();
    const featureLists = texts.map((text) => {
      const features = featureStrings(text, stem);
      for (const feature of new Set(features)) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);

      return features;
    });
    const terms = [...documentFrequency.keys()].sort();
    const idf = Float32Array.from(terms, (t) => Math.log((texts.length + 1) / (documentFrequency.get(t)! + 1)) + 1);
    const space = new FeatureSpace(terms, idf, stem);

    return { space, vectors: featureLists.map((features) => space.toVector(features)) };
  }

  get size(): number {
    return this.terms.length;
  }

  vectorise(text: string): SparseVector {
    return this.toVector(featureStrings(text, this.stem));
  }

  private toVector(features: string[]): SparseVector {
    const counts = new Map<number, number>();
    for (const feature of features) {
      const i = this.vocabulary.get(feature);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const index = new Int32Array(counts.size);
    const value = new Float32Array(counts.size);
    let k = 0;
    let norm = 0;
    for (const [i, count] of counts) {
      index[k] = i;
      value[k] = (1 + Math.log(count)) * this.idf[i];
      norm += value[k] * value[k];
      k++;
    }
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < value.length; j++) value[j] /= norm;

    return { index, value };
  }
}
