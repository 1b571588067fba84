import { basename, join } from 'node:path';
// The engine does not export its transcripts folder yet; the relative path goes once `@parley/engine` does.
import { formatTranscriptResults, loadFlowReleases, loadTranscriptFile, runTranscript, transcriptFilesIn } from '@parley/engine';

const flows = loadFlowReleases(__dirname);

describe('flows/', () => {
  it('every flow file is valid', () => {
    expect(flows.errors).toEqual([]);
  });
});

describe('flows/tests transcripts', () => {
  for (const file of transcriptFilesIn(join(__dirname, 'tests'))) {
    it(basename(file), async () => {
      const result = await runTranscript(loadTranscriptFile(file), flows.releases);
      if (!result.passed) throw new Error(formatTranscriptResults([result]));
    });
  }
});
