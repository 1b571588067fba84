import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** Validates a request part; a client's mistake is a 400 that says what is wrong, never a 500. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new BadRequestException({
    error: 'invalid_request',
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  });
}
