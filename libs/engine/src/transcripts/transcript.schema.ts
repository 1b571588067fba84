import { CHANNELS } from '@parley/core';
import { z } from 'zod';

const entitySchema = z.strictObject({ type: z.string().min(1), value: z.unknown(), text: z.string().optional() });

export const userStepSchema = z.strictObject({
  /** What the contact types; null for a button press without text. */
  user: z.string().nullable(),
  payload: z.string().optional(),
  /** What the NLU makes of it (the transcript's stand-in for a trained model). */
  intent: z.string().optional(),
  entities: z.array(entitySchema).optional(),
  locale: z.string().optional(),
});

/** Presses a button of the bot's last message by its title (on channels with numbered options: by its number). */
export const pressStepSchema = z.strictObject({ press: z.string().min(1) });

export const botStepSchema = z.strictObject({
  /** The exact text as the channel shows it, or `/regex/`. */
  bot: z.string(),
  options: z.array(z.string()).optional(),
});

export const transcriptStepSchema = z.union([userStepSchema, pressStepSchema, botStepSchema]);

const expectationsSchema = z.strictObject({
  attributes: z.record(z.string(), z.unknown()).optional(),
  score: z.strictObject({ events: z.array(z.string()).optional(), points: z.number().optional() }).optional(),
  consent: z
    .union([
      z.null(),
      z.array(z.strictObject({ purpose: z.string(), granted: z.boolean(), version: z.string().optional(), method: z.string().optional() })),
    ])
    .optional(),
  handoff: z.union([z.null(), z.strictObject({ queue: z.string(), priority: z.string().optional() })]).optional(),
  followups: z.array(z.strictObject({ kind: z.string(), target: z.string() })).optional(),
  tags: z.array(z.string()).optional(),
  split: z.strictObject({ experiment: z.string(), arm: z.string() }).optional(),
  ended: z.boolean().optional(),
});

export const transcriptSchema = z.strictObject({
  name: z.string().optional(),
  flow: z.string().min(1),
  channel: z.enum(CHANNELS).default('webchat'),
  locale: z.string().optional(),
  /** The engine's clock for the whole conversation. */
  now: z.iso.datetime({ offset: true }).optional(),
  contact: z
    .strictObject({
      address: z.string().optional(),
      attributes: z.record(z.string(), z.unknown()).optional(),
      segments: z.array(z.string()).optional(),
      score: z.number().optional(),
    })
    .default({}),
  conversation: z.array(transcriptStepSchema).min(1),
  expect: expectationsSchema.default({}),
});

export type Transcript = z.infer<typeof transcriptSchema>;
export type TranscriptStep = z.infer<typeof transcriptStepSchema>;
export type UserStep = z.infer<typeof userStepSchema>;
export type TranscriptExpectations = z.infer<typeof expectationsSchema>;
