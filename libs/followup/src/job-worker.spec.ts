import { PermanentJobError, type JobHandler } from './job-handler';
import type { ClaimRequest, JobFailure, JobStore, OutboxJob } from './job-store.port';
import { JobWorker } from './job-worker';

/** Just enough of a JobStore to watch the worker's decisions; the SQL store has its own spec. */
class MemoryStore implements Pick<JobStore, 'claim' | 'complete' | 'fail'> {
  failures: { id: string; failure: JobFailure }[] = [];
  completed: string[] = [];
  notes: (string | undefined)[] = [];
  claims: ClaimRequest[] = [];
  constructor(public jobs: OutboxJob[]) {}
  async claim(request: ClaimRequest) {
    this.claims.push(request);
    const due = this.jobs.filter((j) => j.status === 'pending' && request.types.includes(j.type)).slice(0, request.limit);
    due.forEach((j) => Object.assign(j, { status: 'running', attempts: j.attempts + 1 }));
    return due.map((j) => ({ ...j }));
  }
  async complete(job: { id: string }, _now: Date, note?: string) {
    this.completed.push(job.id);
    this.notes.push(note);
    return true;
  }
  async fail(job: { id: string }, failure: JobFailure) {
    this.failures.push({ id: job.id, failure });
    return true;
  }
}

const job = (id: string, type: string, attempts = 0): OutboxJob => ({
  id, type, payload: {}, idempotencyKey: `key-${id}`, status: 'pending', attempts,
  runAt: new Date(0), lockedUntil: null, lastError: null, createdAt: new Date(0), updatedAt: new Date(0),
});

const handler = (handle: JobHandler['handle'], unavailable: () => string | undefined = () => undefined): JobHandler => ({ types: ['crm.push'], unavailable, handle });
const now = new Date('2026-01-01T00:00:00Z');
const backoff = { baseMs: 1000, maxMs: 60_000, maxAttempts: 3 };

describe('JobWorker', () => {
  it('claims only handled types, passes the idempotency key on and completes', async () => {
    const store = new MemoryStore([job('a', 'crm.push'), job('b', 'score.event')]);
    const keys: string[] = [];
    const worker = new JobWorker({ store: store as unknown as JobStore, handlers: [handler(async (_j, c) => void keys.push(c.idempotencyKey))], now: () => now });
    expect(await worker.tick()).toBe(1);
    expect(store.claims[0].types).toEqual(['crm.push']);
    expect(keys).toEqual(['key-a']);
    expect(store.completed).toEqual(['a']);
    expect(store.jobs[1].status).toBe('pending');
  });

  it('completes a skipped job with its reason', async () => {
    const store = new MemoryStore([job('a', 'crm.push')]);
    const worker = new JobWorker({ store: store as unknown as JobStore, handlers: [handler(async () => ({ skipped: 'no consent' }))], now: () => now });
    await worker.tick();
    expect(store.completed).toEqual(['a']);
    expect(store.notes).toEqual(['no consent']);
    expect(store.failures).toEqual([]);
  });

  it('schedules a retry with backoff, and gives up after the last attempt', async () => {
    const store = new MemoryStore([job('a', 'crm.push'), job('b', 'crm.push', 2)]);
    const worker = new JobWorker({ store: store as unknown as JobStore, handlers: [handler(async () => { throw new Error('503'); })], backoff, now: () => now, random: () => 1 });
    await worker.tick();
    expect(store.failures).toEqual([
      { id: 'a', failure: { error: '503', retryAt: new Date(now.getTime() + 1000), now } },
      { id: 'b', failure: { error: '503', retryAt: null, now } },
    ]);
  });

  it('sends a permanent failure straight to dead', async () => {
    const store = new MemoryStore([job('a', 'crm.push')]);
    const worker = new JobWorker({ store: store as unknown as JobStore, handlers: [handler(async () => { throw new PermanentJobError('422'); })], backoff, now: () => now });
    await worker.tick();
    expect(store.failures[0].failure.retryAt).toBeNull();
  });

  it('leaves jobs pending while their handler is not configured, and says so once', async () => {
    const store = new MemoryStore([job('a', 'crm.push')]);
    const warnings: string[] = [];
    const worker = new JobWorker({
      store: store as unknown as JobStore,
      handlers: [handler(async () => undefined, () => 'CRM_WEBHOOK_URL is not set')],
      log: { log: () => undefined, warn: (m) => warnings.push(m), error: () => undefined },
    });
    expect(await worker.tick()).toBe(0);
    expect(await worker.tick()).toBe(0);
    expect(store.claims).toEqual([]);
    expect(warnings).toEqual(['crm.push jobs wait (stay pending): CRM_WEBHOOK_URL is not set']);
  });

  it('drains an in-flight job on stop', async () => {
    const store = new MemoryStore([job('a', 'crm.push')]);
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const worker = new JobWorker({
      store: store as unknown as JobStore,
      handlers: [handler(() => (started(), new Promise<void>((r) => (release = r))))],
      pollMs: 10,
    });
    worker.start();
    await running;
    const stopping = worker.stop();
    setTimeout(() => release(), 20);
    expect(store.completed).toEqual([]);
    await stopping;
    expect(store.completed).toEqual(['a']);
  });
});
