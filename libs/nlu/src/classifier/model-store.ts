import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IntentModel } from './intent-model';
import { decodeModel, encodeModel, MODEL_FORMAT_VERSION } from './model-codec';
import { DEFAULT_SVM_OPTIONS } from './svm-trainer';
import { canonicalExamples, type LabelledText } from './train-intent-model';

/** Bump when features, training or calibration change, so that old artefacts are retrained. */
const RECIPE = 'w1-2+c3-5/sublinear-tfidf-l2/ovr-l2svm-dcd/int16/cv5-temperature';

/** Content address of a model: what it was trained from and how. */
export function modelKey(examples: LabelledText[], language: string, seed: number): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ format: MODEL_FORMAT_VERSION, recipe: RECIPE, svm: DEFAULT_SVM_OPTIONS, language, seed }));
  for (const e of canonicalExamples(examples)) hash.update(`\n${e.intent}\t${e.text}`);

  return hash.digest('hex');
}

const fileName = (language: string, key: string) => `nlu-${language}-${key.slice(0, 16)}.bin`;

export async function loadModel(dir: string, language: string, key: string): Promise<IntentModel | undefined> {
  try {
    return decodeModel(await readFile(join(dir, fileName(language, key))));
  } catch {
    return undefined;
  }
}

/** Atomic write (temp file + rename), then the artefacts of older example sets of this language go. */
export async function saveModel(dir: string, language: string, key: string, model: IntentModel): Promise<void> {
  await mkdir(dir, { recursive: true });
  const name = fileName(language, key);
  const temp = join(dir, `.${name}.${process.pid}.tmp`);
  await writeFile(temp, encodeModel(model));
  await rename(temp, join(dir, name));
  const stale = (await readdir(dir)).filter((f) => f.startsWith(`nlu-${language}-`) && f.endsWith('.bin') && f !== name);
  await Promise.all(stale.map((f) => unlink(join(dir, f)).catch(() => undefined)));
}
