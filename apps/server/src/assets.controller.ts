import { Controller, Get, Header, NotFoundException } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './project-root';

function readOnce(path: string): () => string {
  let cached: string | undefined;
  return () => {
    if (cached === undefined) {
      try {
        cached = readFileSync(path, 'utf8');
      } catch {
        throw new NotFoundException(`${path} is missing: run npm run build`);
      }
    }
    return cached;
  };
}

/** The embeddable widget and the demo page that embeds it. */
@Controller()
export class AssetsController {
  private readonly widget = readOnce(join(projectRoot(), 'dist/widget/widget.js'));
  private readonly demo = readOnce(join(projectRoot(), 'libs/channels/webchat/demo/index.html'));

  @Get('widget.js')
  @Header('Content-Type', 'application/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  widgetScript(): string {
    return this.widget();
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  demoPage(): string {
    return this.demo();
  }
}
