import { z } from 'zod';

export const nodeIdSchema = z.string().min(1);
export const flowIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
export const localeSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale such as en, de or pt-BR');

/** A text, or the same text per locale (`{ en: "Hi", de: "Hallo" }`); the flow's default locale must be present. */
export const localisedTextSchema = z.union([z.string().min(1), z.record(localeSchema, z.string().min(1))]);

/** `30s`, `15m`, `24h`, `3d`. */
export const durationSchema = z.string().regex(/^\d{1,5}[smhd]$/, 'a duration such as 30s, 15m, 24h or 3d');

/** One segment or any of several. */
export const segmentSelectorSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const quickReplySchema = z.strictObject({ title: localisedTextSchema, payload: z.string().min(1) });

export const mediaSchema = z.strictObject({
  kind: z.enum(['image', 'video', 'audio', 'file']),
  url: z.url(),
  alt: localisedTextSchema.optional(),
});

export const cardSchema = z.strictObject({
  title: localisedTextSchema,
  subtitle: localisedTextSchema.optional(),
  imageUrl: z.url().optional(),
  buttons: z
    .array(z.strictObject({ title: localisedTextSchema, payload: z.string().min(1).optional(), url: z.url().optional() }))
    .optional(),
});

/**
 * An approved WhatsApp template (Twilio Content API) sent instead of the node's text when WhatsApp's 24-hour
 * customer-service window is closed. Variable values are templates (`"{{contact.firstName}}"`).
 */
export const whatsAppTemplateSchema = z.strictObject({
  contentSid: z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'a Twilio Content SID: HX and 32 hex digits'),
  variables: z.record(z.string().regex(/^[A-Za-z0-9_]{1,64}$/, 'placeholder names are letters, digits and _'), z.string()).optional(),
});

export const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

/** Adds `variants`: per-segment overrides of any of the node's fields, the first matching segment wins. */
export function withVariants<Shape extends { type: z.ZodLiteral<string> } & z.core.$ZodShape>(shape: Shape) {
  const { type: _type, ...fields } = shape;
  // A variant overrides only what it writes: defaults would silently override the base node's values.
  const withoutDefaults = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, field instanceof z.ZodDefault ? field.unwrap() : field]),
  );
  const variant = z.strictObject(withoutDefaults as Omit<Shape, 'type'>).partial().extend({ segment: segmentSelectorSchema });
  return z.strictObject({ ...shape, variants: z.array(variant).optional() });
}

export type LocalisedText = z.infer<typeof localisedTextSchema>;
export type SegmentSelector = z.infer<typeof segmentSelectorSchema>;
export type QuickReplyDefinition = z.infer<typeof quickReplySchema>;
export type MediaDefinition = z.infer<typeof mediaSchema>;
export type CardDefinition = z.infer<typeof cardSchema>;
export type WhatsAppTemplateDefinition = z.infer<typeof whatsAppTemplateSchema>;
