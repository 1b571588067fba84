import { z } from 'zod';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const DURATION = /^\d+(\.\d+)?[smhdw]$/;

const milliseconds = (text: string) => Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1) as keyof typeof UNIT_MS];

/** A duration such as `30m`, `12h`, `7d` or `2w` (the units of flow files, plus weeks), read into milliseconds. */
export const durationSchema = z.string().regex(DURATION, 'a duration such as 30m, 12h, 7d or 2w').transform(milliseconds);

/** A half-life: a duration, or `never` (Infinity: no decay). */
export const halfLifeSchema = z
  .string()
  .refine((text) => text === 'never' || DURATION.test(text), 'a duration such as 14d or 30d, or never')
  .transform((text) => (text === 'never' ? Infinity : milliseconds(text)));
