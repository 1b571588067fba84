import { BullmqRelay, bullmqJobId, type OutboxJob, type QueueOutbox, type RelayedJob } from '@parley/followup';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { dropKeys } from './support/redis-keys';

const redisUrl = process.env.TEST_REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

/** The relay against a real Redis: the message id is the idempotency key, so only a finished message is replaced. */
describeWithRedis('bullmq relay', () => {
  const prefix = `parley-relay-${process.pid}-${Date.now()}`;
  let connection: IORedis;
  let queue: Queue<RelayedJob>;
  let due: Partial<OutboxJob>[] = [];
  const outbox = { relay: () => Promise.resolve(due.splice(0)), start: () => Promise.resolve(undefined) } as unknown as QueueOutbox;
  const handler = { types: ['crm.push'], unavailable: () => undefined, handle: () => Promise.resolve() };
  const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
  let relay: BullmqRelay;

  beforeAll(() => {
    connection = new IORedis(redisUrl!, { maxRetriesPerRequest: null });
    queue = new Queue<RelayedJob>('parley-jobs', { connection, prefix });
    relay = new BullmqRelay({ outbox, queue, handlers: [handler], maxAttempts: 5, pollMs: 20, leaseMs: 1000, batchSize: 10, log: silent });
  });
  afterAll(async () => {
    await queue.close();
    connection.disconnect();
    await dropKeys(redisUrl!, prefix);
  });

  it('queues a row once under its idempotency key, and replaces a finished message when the row is due again', async () => {
    const row = { id: 'row-1', type: 'crm.push', idempotencyKey: 'followup:conv-1:1:0' };
    due = [row];
    expect(await relay.tick()).toBe(1);
    due = [row];
    await relay.tick(); // the lease ran out while the queue still holds it: a no-op
    expect(await queue.getJobCounts('waiting')).toMatchObject({ waiting: 1 });
    const message = (await queue.getJob(bullmqJobId(row.idempotencyKey)))!;
    expect(message.id).toBe('followup%3Aconv-1%3A1%3A0');
    expect(message.data).toEqual({ rowId: 'row-1' });
    expect(message.opts.attempts).toBe(5);

    const workerConnection = connection.duplicate({ maxRetriesPerRequest: null });
    const worker = new Worker<RelayedJob>('parley-jobs', () => Promise.reject(new UnrecoverableError('refused')), { connection: workerConnection, prefix });
    await new Promise((resolve) => worker.once('failed', resolve)); // finished, as after a dead run
    await worker.close();
    workerConnection.disconnect();
    expect(await message.getState()).toBe('failed');
    due = [row]; // replayed (jobs retry): due again
    await relay.tick();
    expect(await (await queue.getJob(message.id!))!.getState()).toBe('waiting');
  });
});
