import { PayloadTooLargeException } from '@nestjs/common';
import { ALEXA_WEBHOOK_PATH } from '@parley/channels-voice';
import type { FastifyInstance, preParsingAsyncHookHandler } from 'fastify';
import { Readable } from 'node:stream';

export const SLACK_EVENTS_PATH = '/slack/events';

/** Routes whose partner signs the exact bytes it sent (Slack, Alexa): they keep the raw body beside the parsed one. */
export const RAW_BODY_PATHS: readonly string[] = [SLACK_EVENTS_PATH, ALEXA_WEBHOOK_PATH];

/** The hook is attached to those routes only (must run before Nest registers routes, i.e. before listen). */
export function keepRawBody(fastify: FastifyInstance, limitBytes: number, paths: readonly string[] = RAW_BODY_PATHS): void {
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
    if (!paths.includes(route.url)) return;
    route.preParsing = [...(route.preParsing ? [route.preParsing].flat() : []), keepRaw];
  });
}
