// natural is loaded by submodule (its root import is slow and noisy); these paths ship no typings.
declare module 'natural/lib/natural/classifiers/bayes_classifier' {
  class BayesClassifier {
    addDocument(text: string, label: string): void;
    train(): void;
    classify(text: string): string;
  }
  export = BayesClassifier;
}
// chrono-node's locale entry points are package "exports" that node10 resolution cannot see.
declare module 'chrono-node/en' {
  import type { en } from 'chrono-node';
  const locale: typeof en;
  export = locale;
}
