import type { CampaignProgress, CampaignWithProgress } from '@parley/engine';

const WIDTH = 30;

export const summary = (p: CampaignProgress) =>
  `${p.sent} sent, ${p.skippedNoConsent} skipped (no consent), ${p.skippedQuietHours} held (quiet hours), ${p.failed} failed, ${p.pending} pending of ${p.total}`;

/** A redrawn bar on a terminal; plain lines, one per change and at most one a second, for logs and pipes. */
export class ProgressReporter {
  private last = '';
  private lastLineAt = 0;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {}

  update(campaign: CampaignWithProgress, final = false): void {
    const p = campaign.progress;
    const text = summary(p);
    if (this.stream.isTTY) {
      const done = p.total - p.pending;
      const filled = p.total ? Math.round((done / p.total) * WIDTH) : WIDTH;
      this.stream.write(`\r${campaign.name} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${p.total}  ${text}${final ? '\n' : ''}`);
      return;
    }
    if (text === this.last || (!final && Date.now() - this.lastLineAt < 1000)) return;
    this.last = text;
    this.lastLineAt = Date.now();
    this.stream.write(`${campaign.id} ${campaign.status}: ${text}\n`);
  }
}
