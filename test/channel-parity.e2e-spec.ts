import { loadTranscriptFile, type Transcript } from '@parley/engine';
import { SqlApiKeys, type SqlDatabase } from '@parley/persistence';
import { createAlexaTestCa, FakeBotConnector, FakeTwilio, type AlexaTestCa } from '@parley/testing';
import { join } from 'node:path';
import { DATABASE } from '../apps/server/src/tokens';
import { alexaCertificates, alexaEnv } from './support/alexa-user';
import { startApp, type RunningApp } from './support/app';
import { CHANNEL_DRIVERS, type ChannelDriver, type DriverContext } from './support/channel-drivers';
import { TWILIO, twilioEnv } from './support/sms-peer';

/** The main path of each shipped flow, as its transcript in flows/tests tells it. */
const MAIN_PATHS: Record<string, string> = {
  'lead-qualification': 'lead-qualification-enterprise.yaml',
  'b2b-lead-qualification': 'b2b-smb-self-serve.yaml',
  'cart-recovery': 'cart-support-tracking.yaml',
  'event-registration': 'event-registration-sms-reminders.yaml',
  'sms-keyword-optin': 'sms-optin-double-opt-in.yaml',
};

interface Outcome {
  attributes: Record<string, unknown>;
  score: { events: string[]; points: number };
}

interface ContactExport {
  contact: { attributes: Record<string, unknown> };
  jobs: { type: string; payload: { event?: string; points?: number } }[];
}

/** Runs the transcript's user side: its first words open the conversation when it starts with the user. */
async function walk(driver: ChannelDriver, transcript: Transcript): Promise<void> {
  const [opening, ...rest] = transcript.conversation;
  const first = 'user' in opening && opening.user !== null ? opening.user : undefined;
  const steps = (first === undefined ? transcript.conversation : rest).filter((step) => !('bot' in step));
  await driver.open(first);
  for (const step of steps) {
    if ('press' in step) await driver.press(step.press);
    else if ('user' in step && step.user !== null) await driver.say(step.user);
  }
}

describe('every shipped flow ends the same on every channel (web chat, SMS, voice, Alexa, Bot Framework)', () => {
  const twilio = new FakeTwilio({ accountSid: TWILIO.accountSid, authToken: TWILIO.authToken });
  const botConnector = new FakeBotConnector();
  let ca: AlexaTestCa;
  let twilioUrl: string;

  beforeAll(async () => {
    ca = createAlexaTestCa();
    twilioUrl = (await twilio.start()).url;
    await botConnector.start();
  });
  afterAll(async () => {
    await twilio.stop();
    await botConnector.stop();
  });

  for (const [flow, file] of Object.entries(MAIN_PATHS)) {
    it(`${flow} (${file})`, async () => {
      const loaded = loadTranscriptFile(join(__dirname, '../flows/tests', file));
      expect(loaded.errors).toEqual([]);
      const transcript = loaded.transcript!;
      const running: RunningApp = await startApp({ ...twilioEnv(twilioUrl), ...alexaEnv(), BOTFRAMEWORK_ALLOW_UNAUTHENTICATED: 'true', ENTRY_FLOW: flow }, { alexaCertificates: alexaCertificates(ca) });
      try {
        const sql = running.app.get<{ sql: SqlDatabase }>(DATABASE).sql;
        const key = (await new SqlApiKeys(sql).create('parity', 'admin', new Date())).key;
        const outcomeOf = async (driver: ChannelDriver): Promise<Outcome> => {
          const row = await sql.get<{ contact_id: string }>('SELECT contact_id FROM channel_identities WHERE channel = ? AND address = ?', [
            driver.identity.channel,
            driver.identity.address,
          ]);
          const response = await fetch(`${running.url}/api/v1/contacts/${row!.contact_id}/export`, { headers: { authorization: `Bearer ${key}` } });
          expect(response.status).toBe(200);
          const data = (await response.json()) as ContactExport;
          const scores = data.jobs.filter((job) => job.type === 'score.event').map((job) => job.payload);
          const attributes = Object.fromEntries(Object.keys(transcript.expect.attributes ?? {}).map((name) => [name, data.contact.attributes[name] ?? null]));
          return { attributes, score: { events: scores.map((s) => s.event ?? ''), points: scores.reduce((sum, s) => sum + (s.points ?? 0), 0) } };
        };
        const context: DriverContext = { url: () => running.url, twilio, alexaSigner: ca.valid, botConnector };
        const outcomes = await Promise.all(
          Object.entries(CHANNEL_DRIVERS).map(async ([channel, create]) => {
            const driver = create(context);
            try {
              await walk(driver, transcript);
              return [channel, await outcomeOf(driver)] as const;
            } catch (error) {
              return [channel, { failed: (error as Error).message }] as const;
            } finally {
              await driver.close();
            }
          }),
        );
        const expected: Outcome = {
          attributes: transcript.expect.attributes ?? {},
          score: { events: transcript.expect.score?.events ?? [], points: transcript.expect.score?.points ?? 0 },
        };
        expect(Object.fromEntries(outcomes)).toEqual(Object.fromEntries(outcomes.map(([channel]) => [channel, expected])));
      } finally {
        await running.close();
      }
    }, 30_000);
  }
});
