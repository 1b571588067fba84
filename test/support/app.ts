import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@parley/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDrivers } from '../../apps/server/src/app.module';
import { createApp } from '../../apps/server/src/create-app';

export interface RunningApp {
  app: NestFastifyApplication;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** Starts the real server in this process on a fresh temporary SQLite file and a free port; `drivers` stand in for outside services. */
export async function startApp(env: Record<string, string> = {}, drivers: AppDrivers = {}): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-e2e-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    DATABASE_URL: `sqlite:${join(dataDir, 'parley.sqlite')}`,
    DATA_DIR: dataDir,
    FLOWS_DIR: join(__dirname, '../../flows'),
    ...env,
  });
  const app = await createApp(config, drivers);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
