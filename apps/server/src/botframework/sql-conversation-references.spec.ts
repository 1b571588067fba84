import type { BotConversationReference } from '@parley/channels-botframework';
import { openDatabase } from '@parley/persistence';
import { testDatabaseTargets } from '@parley/testing';
import type { OpenDatabase } from '../database.provider';
import { SqlConversationReferences } from './sql-conversation-references';

const reference = (activityId: string, serviceUrl = 'https://smba.trafficmanager.net/emea/'): BotConversationReference => ({
  channelId: 'msteams',
  serviceUrl,
  conversation: { id: 'a:1Xyz', tenantId: 't1', conversationType: 'personal' },
  user: { id: '29:1abc', name: 'Jane' },
  bot: { id: '28:bot', name: 'Parley' },
  activityId,
  locale: 'en-US',
});

describe.each(testDatabaseTargets())('SqlConversationReferences on %s', (_name, setup) => {
  let db: OpenDatabase;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const prepared = await setup();
    cleanup = prepared.cleanup;
    db = await openDatabase(prepared.target);
  });
  afterAll(async () => {
    await db.dataSource.destroy();
    await cleanup();
  });

  it('keeps the latest reference per address, as it was saved', async () => {
    const sut = new SqlConversationReferences(db);
    expect(await sut.find('msteams:29:1abc')).toBeUndefined();
    await sut.save('msteams:29:1abc', reference('1'));
    await sut.save('msteams:29:1abc', reference('2', 'https://smba.trafficmanager.net/amer/'));
    await sut.save('msteams:29:other', reference('9'));
    expect(await sut.find('msteams:29:1abc')).toEqual(reference('2', 'https://smba.trafficmanager.net/amer/'));
    expect((await new SqlConversationReferences(db).find('msteams:29:other'))?.activityId).toBe('9');
  });
});
