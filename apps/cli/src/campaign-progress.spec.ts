import type { CampaignWithProgress } from '@parley/engine';
import { ProgressReporter } from './campaign-progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
}

const campaign = (sent: number, pending: number, status: CampaignWithProgress['status'] = 'running') =>
  ({ id: 'c1', name: 'Spring', status, progress: { total: 10, sent, skippedNoConsent: 2, skippedQuietHours: 1, failed: 0, pending } }) as CampaignWithProgress;

describe('ProgressReporter', () => {
  it('redraws one bar in place on a terminal, ending the line when done', () => {
    const { written, stream: out } = stream(true);
    const reporter = new ProgressReporter(out);
    reporter.update(campaign(0, 7));
    reporter.update(campaign(7, 0), true);
    expect(written[0]).toBe('\rSpring [#########                     ] 3/10  0 sent, 2 skipped (no consent), 1 held (quiet hours), 0 failed, 7 pending of 10');
    expect(written[1]).toMatch(/^\rSpring \[#{30}\] 10\/10 .*\n$/);
  });

  it('writes plain lines for logs and pipes: one per change, at most one a second, and always the last', () => {
    const { written, stream: out } = stream(false);
    const reporter = new ProgressReporter(out);
    reporter.update(campaign(0, 7));
    reporter.update(campaign(0, 7));
    reporter.update(campaign(3, 4));
    reporter.update(campaign(7, 0, 'completed'), true);
    expect(written).toEqual([
      'c1 running: 0 sent, 2 skipped (no consent), 1 held (quiet hours), 0 failed, 7 pending of 10\n',
      'c1 completed: 7 sent, 2 skipped (no consent), 1 held (quiet hours), 0 failed, 0 pending of 10\n',
    ]);
  });
});
