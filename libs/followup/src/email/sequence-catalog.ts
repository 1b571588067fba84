import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileSequence, type CompiledSequence } from './email-templates';
import { sequenceSchema } from './sequence-schema';

export interface SequenceLoadResult {
  catalog: SequenceCatalog;
  errors: string[];
}

/** The email sequences of `<dir>/*.yaml`, validated and with their templates compiled once. */
export class SequenceCatalog {
  private readonly byId = new Map<string, CompiledSequence>();

  constructor(sequences: readonly CompiledSequence[] = []) {
    for (const sequence of sequences) this.byId.set(sequence.definition.id, sequence);
  }

  get(id: string): CompiledSequence | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  /** A bad file is reported and left out; the others load. */
  static load(dir: string): SequenceLoadResult {
    const errors: string[] = [];
    const sequences: CompiledSequence[] = [];
    if (!existsSync(dir)) return { catalog: new SequenceCatalog(), errors };
    for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
      try {
        const parsed = sequenceSchema.safeParse(parse(readFileSync(join(dir, file), 'utf8')));
        if (!parsed.success) {
          errors.push(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
          continue;
        }
        if (sequences.some((s) => s.definition.id === parsed.data.id)) {
          errors.push(`${file}: sequence id ${parsed.data.id} is used twice`);
          continue;
        }
        sequences.push(compileSequence(parsed.data));
      } catch (error) {
        errors.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return { catalog: new SequenceCatalog(sequences), errors };
  }
}
