/** BullMQ refuses ':' in a custom job id and idempotency keys are full of them: escaped, reversibly. */
export const bullmqJobId = (idempotencyKey: string) => idempotencyKey.replace(/%/g, '%25').replace(/:/g, '%3A');

/** The retry delay the processor chose (with jitter), carried on the error to the backoff strategy. */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = 'RetryLater';
  }
}
