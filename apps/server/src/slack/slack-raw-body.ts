import { PayloadTooLargeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Slack signs the exact bytes it sent, so /slack/events keeps its raw body beside the parsed one.
 * Only that route pays for the copy; every other route parses as before.
 */
export function keepSlackRawBody(fastify: FastifyInstance, limitBytes: number): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    if (request.url.split('?')[0] !== SLACK_EVENTS_PATH) return payload;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of payload) {
      size += (chunk as Buffer).length;
      if (size > limitBytes) throw new PayloadTooLargeException();
      chunks.push(chunk as Buffer);
    }
    const raw = Buffer.concat(chunks);
    (request as { rawBody?: Buffer }).rawBody = raw;
    return Readable.from([raw]);
  });
}
