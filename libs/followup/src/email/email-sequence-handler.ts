import type { JobContext, JobHandler, JobSkipped } from '../job-handler';
import { PermanentJobError } from '../job-handler';
import type { OutboxJob } from '../job-store.port';
import type { EmailAudience } from './email-audience.port';
import type { EmailTransport } from './email-transport.port';
import { renderEmail, type EmailSettings } from './render-email';
import type { SequenceCatalog } from './sequence-catalog';
import { durationMs, exitReason } from './sequence-schema';

export const EMAIL_SEQUENCE_START = 'followup.email_sequence';
export const EMAIL_STEP = 'email.step';

export interface EmailSequenceHandlerOptions {
  sequences: SequenceCatalog;
  audience: EmailAudience;
  /** Undefined while email is off (no SMTP_URL): the jobs wait, pending. */
  transport?: EmailTransport;
  settings?: EmailSettings;
  now?: () => Date;
}

/** One step of one contact's sequence: the unit of sending, retrying and idempotency. */
export const stepKey = (contactId: string, sequenceId: string, step: number) => `email:${contactId}:${sequenceId}:${step}`;

const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
const record = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/**
 * Drip sequences: a flow's email_sequence followup enqueues step 1; each sent step enqueues the next with its delay.
 * Before every send the contact is read again, so an unsubscribe, a revoked consent or an exit condition met since
 * the sequence started stops it: the job is done, skipped with the reason, and nothing is sent or enqueued.
 */
export class EmailSequenceHandler implements JobHandler {
  readonly types = [EMAIL_SEQUENCE_START, EMAIL_STEP] as const;
  private readonly now: () => Date;

  constructor(private readonly options: EmailSequenceHandlerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  unavailable(): string | undefined {
    if (!this.options.transport) return 'SMTP_URL is not set';
    if (!this.options.settings) return 'EMAIL_FROM, EMAIL_POSTAL_ADDRESS and PUBLIC_BASE_URL must be set to send marketing email';
    return undefined;
  }

  async handle(job: OutboxJob, context: JobContext): Promise<void | JobSkipped> {
    const contactId = text(job.payload.contactId);
    if (!contactId) throw new PermanentJobError('payload has no contactId');
    if (job.type === EMAIL_SEQUENCE_START) return this.start(contactId, job);
    return this.sendStep(contactId, job, context);
  }

  private async start(contactId: string, job: OutboxJob): Promise<void> {
    const sequenceId = text(job.payload.target);
    const sequence = sequenceId && this.options.sequences.get(sequenceId);
    if (!sequence) throw new PermanentJobError(`no email sequence ${sequenceId ?? '(no target)'}`);
    await this.enqueueStep(contactId, sequence.definition.id, 0, durationMs(sequence.steps[0].step.delay), record(job.payload.data));
  }

  private async sendStep(contactId: string, job: OutboxJob, context: JobContext): Promise<void | JobSkipped> {
    const sequenceId = text(job.payload.sequence);
    const index = Number(job.payload.step);
    const sequence = sequenceId && this.options.sequences.get(sequenceId);
    if (!sequence) throw new PermanentJobError(`no email sequence ${sequenceId ?? '(none)'}`);
    const step = sequence.steps[index];
    if (!step) throw new PermanentJobError(`sequence ${sequenceId} has no step ${index}`);

    const recipient = await this.options.audience.recipient(contactId);
    if (!recipient) return { skipped: `contact ${contactId} no longer exists` };
    if (recipient.marketingConsent !== 'granted') return { skipped: `no email marketing consent (${recipient.marketingConsent})` };
    const exit = exitReason(sequence.definition, recipient.attributes);
    if (exit) return { skipped: exit };
    const email = recipient.email;
    if (!email) return { skipped: 'contact has no email address' };

    const data = record(job.payload.data);
    const message = renderEmail(this.options.settings!, { step, listId: sequence.definition.list, recipient: { ...recipient, email }, data, idempotencyKey: context.idempotencyKey });
    await this.options.transport!.send(message, context.signal);
    const next = sequence.steps[index + 1];
    if (next) await this.enqueueStep(contactId, sequence.definition.id, index + 1, durationMs(next.step.delay), data);
  }

  private enqueueStep(contactId: string, sequenceId: string, index: number, delayMs: number, data: Record<string, unknown>): Promise<void> {
    return this.options.audience.enqueue({
      type: EMAIL_STEP,
      payload: { contactId, sequence: sequenceId, step: index, data },
      idempotencyKey: stepKey(contactId, sequenceId, index + 1),
      runAt: new Date(this.now().getTime() + delayMs),
    });
  }
}
