import type { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { WebchatGateway } from '@parley/channels-webchat';
import { ConversationEngine } from '@parley/engine';
import { JobWorkerService } from '../followup/job-worker.service';
import { ShutdownState } from './shutdown-state';

/** How long /health says `draining` at least, so health checks polling every second or so see it. */
const DRAIN_NOTICE_MS = 1_000;

/** Waits for `work`, but no longer than `ms`; what is still running then is retried elsewhere (it was not acked). */
async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const done = await Promise.race([work.then(() => true), timedOut]);
  clearTimeout(timer);
  return done;
}

/**
 * SIGTERM: /health answers 503 `draining` (a load balancer stops sending traffic), web chat takes no new
 * messages, messages being handled finish (stored, answered, delivered), visitors are told to reconnect and
 * disconnected, in-flight jobs finish, HTTP stops accepting, then the database closes. All within `graceMs`:
 * work cut short was not acked, so its sender or the job queue retries it on another instance.
 */
export async function drainAndClose(app: NestFastifyApplication, graceMs: number, log: Logger): Promise<void> {
  const began = Date.now();
  const state = app.get(ShutdownState);
  state.begin(graceMs);
  const gateway = app.get(WebchatGateway, { strict: false });
  gateway.stopAccepting();
  log.log(`draining: finishing in-flight messages and jobs (up to ${graceMs} ms)`);
  if (!(await within(app.get(ConversationEngine).idle(), state.remainingMs(0)))) log.warn('messages still in flight at the deadline; their senders retry them');
  gateway.sendAwayAll();
  // Jobs drain while HTTP still answers (webhooks are stored, /health says draining); then HTTP stops accepting.
  await app.get(JobWorkerService).beforeApplicationShutdown();
  // A balancer learns of the drain only by polling /health: answer `draining` for a while even when the drain was quick.
  await new Promise((resolve) => setTimeout(resolve, Math.min(DRAIN_NOTICE_MS - (Date.now() - began), state.remainingMs(0))));
  await within(app.getHttpAdapter().close(), state.remainingMs(0));
  // webhooks taken while the jobs drained finish before the database closes
  await within(app.get(ConversationEngine).idle(), state.remainingMs(0));
  await app.close();
  log.log('drained; bye');
}
