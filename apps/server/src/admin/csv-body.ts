import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

export const CONTACTS_IMPORT_PATH = '/api/v1/contacts/import';

/**
 * Fastify content-type parsers are per instance, not per route: text/csv is read as a string for the contact
 * import only, and refused (415) on every other route so no handler meets a body type it does not expect.
 */
export function acceptCsvOnImport(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('text/csv', { parseAs: 'string' }, (request, body, done) => {
    if (request.routeOptions.url === CONTACTS_IMPORT_PATH) return done(null, body);
    done(new UnsupportedMediaTypeException('text/csv is accepted on the contact import only'), undefined);
  });
}
