import { PayloadTooLargeException } from '@nestjs/common';
import type { FastifyInstance, preParsingAsyncHookHandler } from 'fastify';
import { Readable } from 'node:stream';

export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Slack signs the exact bytes it sent, so /slack/events keeps its raw body beside the parsed one.
 * The hook is attached to that route only (must run before Nest registers routes, i.e. before listen).
 */
export function keepSlackRawBody(fastify: FastifyInstance, limitBytes: number): void {
  const keepRaw: preParsingAsyncHookHandler = async (request, _reply, payload) => {
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
  };
  fastify.addHook('onRoute', (route) => {
    if (route.url !== SLACK_EVENTS_PATH) return;
    route.preParsing = [...(route.preParsing ? [route.preParsing].flat() : []), keepRaw];
  });
}
