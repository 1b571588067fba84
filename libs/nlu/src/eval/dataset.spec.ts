import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDataset } from './dataset';

describe('readDataset', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'parley-dataset-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (content: string) => {
    const path = join(dir, 'data.json');
    writeFileSync(path, content);

    return path;
  };

  it('reads the CLINC150 shape, out-of-scope splits optional', () => {
    const path = write(JSON.stringify({ train: [['hi', 'greet']], val: [], test: [['hello', 'greet']] }));
    expect(readDataset(path)).toEqual({ train: [['hi', 'greet']], val: [], test: [['hello', 'greet']] });
  });

  it('explains what is wrong with a file of another shape', () => {
    expect(() => readDataset(write(JSON.stringify({ train: [{ text: 'hi' }] })))).toThrow(/\[text, intent\]/);
    expect(() => readDataset(write('{not json'))).toThrow(/cannot read dataset/);
  });
});
