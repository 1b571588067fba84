import type { ChannelName, OutboundMessage } from '@parley/core';
import type { ConsentDraft } from '@parley/consent';
import type { Clock } from '../ports';
import type { TransportRegistry } from '../transport-registry';
import type { ClaimedRecipient } from './campaign';
import { renderCampaignText } from './campaign-template';
import type { CampaignStore } from './campaign-store.port';
import { checkOutbound } from './outbound-gate';
import type { SendPacers } from './send-pacer';

export interface CampaignSenderOptions {
  store: CampaignStore;
  /** The contact's consent ledger, read fresh before every send. */
  consentOf: (contactId: string) => Promise<readonly ConsentDraft[]>;
  transports: TransportRegistry;
  /** Runs work exclusively for one address, in line with the conversation's own turns (an inbound STOP waits, or goes first). */
  exclusive: <T>(channel: ChannelName, address: string, work: () => Promise<T>) => Promise<T>;
  clock: Clock;
  pacers: SendPacers;
  /** The number, short code or messaging service the texts go out from: the unit of rate limiting. */
  sender: string;
  defaultTimeZone: string;
  /** How long one run job sends before it hands over to the next (below the job lease). */
  sliceMs: number;
  /** How long a recipient may stay `sending` before a resume treats its process as dead. */
  leaseMs: number;
}

export type SliceOutcome = 'completed' | 'continues' | 'waiting-for-held';

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * Sends a campaign, one recipient at a time, through the outbound gate: consent and opt-out are read at the moment
 * of sending, quiet hours hold a recipient until its window opens (a stored job, not a timer). A crash leaves at most
 * one recipient per sender in `sending`; on resume it counts as sent if the provider's receipt was recorded, and is
 * never texted again otherwise (at most once: see RELIABILITY.md).
 */
export class CampaignSender {
  constructor(private readonly options: CampaignSenderOptions) {}

  async runSlice(campaignId: string, slice: number): Promise<SliceOutcome> {
    const { store, clock } = this.options;
    const started = clock.now().getTime();
    await this.recoverStranded(campaignId);
    for (;;) {
      const now = clock.now();
      if (now.getTime() - started >= this.options.sliceMs) {
        await store.continueLater(campaignId, slice + 1, now);
        return 'continues';
      }
      const recipient = await store.claimNext(campaignId, now, new Date(now.getTime() + this.options.leaseMs));
      if (!recipient) break;
      await this.sendOne(recipient);
    }
    return (await store.completeIfDone(campaignId, clock.now())) ? 'completed' : 'waiting-for-held';
  }

  /** A held recipient's window opened: the gate is asked again (consent may have changed while it waited). */
  async sendHeld(campaignId: string, recipientId: string): Promise<void> {
    const { store, clock } = this.options;
    const now = clock.now();
    const recipient = await store.claimHeld(recipientId, now, new Date(now.getTime() + this.options.leaseMs));
    // No longer held (skipped by a withdrawal or an erasure meanwhile): it may have been the campaign's last one.
    if (recipient) await this.sendOne(recipient);
    await store.completeIfDone(campaignId, clock.now());
  }

  private async recoverStranded(campaignId: string): Promise<void> {
    const { store, clock } = this.options;
    for (const stranded of await store.stranded(campaignId, clock.now())) {
      const outcome = stranded.providerMessageId
        ? ({ status: 'sent' } as const)
        : ({ status: 'failed', error: 'outcome unknown after a crash during the send; not sent again' } as const);
      await store.settle(stranded.id, outcome, clock.now());
    }
  }

  /**
   * The gate is asked twice: before waiting for a send slot (a skipped or held recipient costs no slot), and again
   * right before the send, exclusively for the address, so an opt-out that arrived during the wait is honoured.
   */
  private async sendOne(recipient: ClaimedRecipient): Promise<void> {
    if (!(await this.gate(recipient))) return;
    await this.options.pacers.for(this.options.sender).wait(recipient.ratePerSecond);
    await this.options.exclusive('sms', recipient.address, async () => {
      if (!(await this.gate(recipient))) return;
      await this.deliver(recipient);
    });
  }

  /** True when the recipient may be texted now; otherwise settles it as skipped or held. */
  private async gate(recipient: ClaimedRecipient): Promise<boolean> {
    const { store, clock } = this.options;
    const verdict = checkOutbound({
      events: await this.options.consentOf(recipient.contactId),
      channel: 'sms',
      kind: 'marketing',
      address: recipient.address,
      attributes: recipient.attributes,
      now: clock.now(),
      defaultTimeZone: this.options.defaultTimeZone,
    });
    if (verdict.action === 'skip') await store.settle(recipient.id, { status: 'skipped', reason: verdict.reason }, clock.now());
    if (verdict.action === 'hold') await store.hold(recipient, verdict.until, clock.now());
    return verdict.action === 'send';
  }

  private async deliver(recipient: ClaimedRecipient): Promise<void> {
    const { store, clock } = this.options;
    let text: string;
    try {
      text = renderCampaignText(recipient.template, recipient.attributes);
    } catch (error) {
      return store.settle(recipient.id, { status: 'failed', error: `the template did not render: ${describe(error)}` }, clock.now());
    }
    if (!text) return store.settle(recipient.id, { status: 'failed', error: 'the message is empty for this contact' }, clock.now());
    const message: OutboundMessage = {
      id: recipient.id,
      conversationId: recipient.campaignId,
      channel: 'sms',
      address: recipient.address,
      from: 'bot',
      text,
      kind: 'marketing',
      at: clock.now(),
    };
    try {
      await this.options.transports.deliver(message);
    } catch (error) {
      return store.settle(recipient.id, { status: 'failed', error: describe(error) }, clock.now());
    }
    await store.settle(recipient.id, { status: 'sent' }, clock.now());
  }
}
