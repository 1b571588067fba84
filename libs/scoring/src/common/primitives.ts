import { z } from 'zod';

export const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalarSchema>;

/** One value or any of several. */
export const oneOrManySchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const regexSchema = z.string().refine((source) => {
  try {
    new RegExp(source, 'iu');
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');

export function includesValue(expected: string | string[] | undefined, actual: string | undefined): boolean {
  if (expected === undefined) return true;
  if (actual === undefined) return false;
  const wanted = (Array.isArray(expected) ? expected : [expected]).map((v) => v.toLowerCase());

  return wanted.includes(actual.toLowerCase());
}

export function matchesRegex(source: string | undefined, text: string | undefined): boolean {
  if (source === undefined) return true;

  return text !== undefined && new RegExp(source, 'iu').test(text);
}
