import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

export interface RouteDoc {
  summary: string;
  /** The schema the handler validates the body with, so the document and the validation never disagree. */
  body?: z.ZodType;
  bodyExample?: unknown;
  /** The schema the handler validates the query with (an object of optional parameters). */
  query?: z.ZodObject;
  /** What a successful call answers. */
  response: unknown;
  status?: number;
}

type JsonSchema = Record<string, unknown>;

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

function queryParameters(query: z.ZodObject): MethodDecorator[] {
  const schema = jsonSchemaOf(query) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    ApiQuery({ name, required: schema.required?.includes(name) ?? false, schema: property }),
  );
}

/** OpenAPI for one admin route: a summary, the validated input as JSON Schema, and examples of input and answer. */
export function ApiDoc(doc: RouteDoc): MethodDecorator {
  const decorators: MethodDecorator[] = [
    ApiOperation({ summary: doc.summary }),
    ApiResponse({ status: doc.status ?? 200, description: 'success', content: { 'application/json': { example: doc.response } } }),
    ApiResponse({ status: 400, description: 'invalid input: {error, issues: [{path, message}]}' }),
    ApiResponse({ status: 401, description: 'missing or unknown API key' }),
    ApiResponse({ status: 403, description: "the key's role may not use this route" }),
  ];
  if (doc.body) decorators.push(ApiBody({ schema: jsonSchemaOf(doc.body), examples: { example: { value: doc.bodyExample } } }));
  if (doc.query) decorators.push(...queryParameters(doc.query));
  return applyDecorators(...decorators);
}
