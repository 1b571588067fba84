import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { projectRoot } from '../project-root';

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const DIST = () => join(projectRoot(), 'dist/dashboard');

function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch {
    throw new NotFoundException(`${path} is missing: run npm run build`);
  }
}

/** The dashboard app: content-hashed assets cached for a year, the page itself revalidated on every load. */
@Controller('dashboard')
export class DashboardAssetsController {
  private index?: Buffer;

  @Get()
  page(@Res() reply: FastifyReply) {
    this.index ??= read(join(DIST(), 'index.html'));
    return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.index);
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() reply: FastifyReply) {
    const type = TYPES[extname(file)];
    if (!/^[\w.-]+$/.test(file) || !type) throw new NotFoundException(`no asset ${file}`);
    const body = read(join(DIST(), 'assets', file));
    return reply.header('content-type', type).header('cache-control', 'public, max-age=31536000, immutable').send(body);
  }

  /** Client-side routes (/dashboard/leads, /dashboard/leads/:id…) load the same page. */
  @Get('*')
  route(@Res() reply: FastifyReply) {
    return this.page(reply);
  }
}
