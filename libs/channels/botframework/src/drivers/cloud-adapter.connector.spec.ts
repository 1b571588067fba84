import { CloudAdapterConnector } from './cloud-adapter.connector';

const activity = {
  type: 'message',
  id: 'a1',
  channelId: 'emulator',
  serviceUrl: 'http://127.0.0.1:9/',
  from: { id: 'u1' },
  recipient: { id: 'b1' },
  conversation: { id: 'c1' },
  text: 'hi',
};

describe('CloudAdapterConnector', () => {
  // The SDK prints every refused request on console.error.
  beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());

  it('lets nothing in when the channel is off, even if emulator mode is asked for next to half the credentials', async () => {
    const seen: unknown[] = [];
    for (const options of [{}, { appId: 'a', allowUnauthenticated: true }, { appPassword: 'p', allowUnauthenticated: true }]) {
      const answer = await new CloudAdapterConnector(options).receive({ headers: {}, body: { ...activity } }, async (a) => void seen.push(a));
      expect(answer.status).toBe(503);
    }
    expect(seen).toEqual([]);
  });

  it('refuses an unsigned activity with an app id set, and takes it in emulator mode', async () => {
    const seen: unknown[] = [];
    const signedOnly = await new CloudAdapterConnector({ appId: 'a', appPassword: 'p' }).receive({ headers: {}, body: { ...activity } }, async (a) => void seen.push(a));
    expect(signedOnly.status).toBe(401);
    expect(seen).toEqual([]);
    const emulator = await new CloudAdapterConnector({ allowUnauthenticated: true }).receive({ headers: {}, body: { ...activity } }, async (a) => void seen.push(a));
    expect(emulator.status).toBe(200);
    expect(seen).toEqual([expect.objectContaining({ id: 'a1', text: 'hi' })]);
  });
});
