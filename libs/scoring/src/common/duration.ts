import { z } from 'zod';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** A duration such as `30m`, `12h`, `7d` or `2w` (the units of flow files, plus weeks), read into milliseconds. */
export const durationSchema = z
  .string()
  .regex(/^\d+(\.\d+)?[smhdw]$/, 'a duration such as 30m, 12h, 7d or 2w')
  .transform((text) => Number(text.slice(0, -1)) * UNIT_MS[text.slice(-1) as keyof typeof UNIT_MS]);
