import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_TYPES } from '../schema/flow.schema';
import { formatFlowError, parseFlow } from './flow-loader';

const docs = readFileSync(join(__dirname, '../../../../docs/flows.md'), 'utf8');
const examples = [...docs.matchAll(/```yaml\n(schema:[\s\S]*?)```/g)].map((m) => m[1]);

describe('docs/flows.md', () => {
  it.each(examples.map((source, i) => [source.match(/^id: (.+)$/m)?.[1] ?? `example ${i}`, source]))('example %s is a valid flow', (_id, source) => {
    const loaded = parseFlow(source, 'docs/flows.md');
    expect(loaded.ok ? [] : loaded.errors.map(formatFlowError)).toEqual([]);
  });

  it('has an example for every node type', () => {
    const used = new Set(examples.flatMap((source) => [...source.matchAll(/type: (\w+)/g)].map((m) => m[1])));
    expect(NODE_TYPES.filter((type) => !used.has(type))).toEqual([]);
  });
});
