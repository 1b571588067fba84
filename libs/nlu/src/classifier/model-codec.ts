import { stemmerFor } from '../text/stemmer';
import { FeatureSpace } from './feature-space';
import { IntentModel } from './intent-model';

const MAGIC = 'PNLU';
export const MODEL_FORMAT_VERSION = 1;

interface Header {
  locale: string;
  labels: string[];
  terms: string[];
  temperature: number;
}

/** Binary artefact: magic, version, JSON header (labels, vocabulary), then the typed arrays. */
export function encodeModel(model: IntentModel): Buffer {
  const header: Header = { locale: model.locale, labels: model.labels, terms: model.space.terms, temperature: model.temperature };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const padding = (4 - ((12 + json.length) % 4)) % 4;
  const prefix = Buffer.alloc(12);
  prefix.write(MAGIC, 0, 'ascii');
  prefix.writeUInt32LE(MODEL_FORMAT_VERSION, 4);
  prefix.writeUInt32LE(json.length, 8);
  const arrays = [model.space.idf, model.quantised.scales, model.bias, model.quantised.values];

  return Buffer.concat([prefix, json, Buffer.alloc(padding), ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))]);
}

export function decodeModel(buffer: Buffer): IntentModel {
  if (buffer.toString('ascii', 0, 4) !== MAGIC || buffer.readUInt32LE(4) !== MODEL_FORMAT_VERSION) {
    throw new Error('not a Parley NLU model of this format version');
  }
  const length = buffer.readUInt32LE(8);
  const header = JSON.parse(buffer.toString('utf8', 12, 12 + length)) as Header;
  const features = header.terms.length;
  const classes = header.labels.length;
  let offset = 12 + length + ((4 - ((12 + length) % 4)) % 4);
  const take = (bytes: number) => {
    const slice = buffer.buffer.slice(buffer.byteOffset + offset, buffer.byteOffset + offset + bytes);
    if (slice.byteLength !== bytes) throw new Error('truncated NLU model');
    offset += bytes;

    return slice;
  };
  const idf = new Float32Array(take(features * 4));
  const scales = new Float32Array(take(features * 4));
  const bias = new Float32Array(take(classes * 4));
  const values = new Int16Array(take(features * classes * 2));
  const space = new FeatureSpace(header.terms, idf, stemmerFor(header.locale));

  return new IntentModel(header.locale, header.labels, space, { scales, values }, bias, header.temperature);
}
