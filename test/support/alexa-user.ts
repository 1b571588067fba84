import { FakeAlexaCertificates, signAlexaBody, type AlexaTestCa, type AlexaTestSigner } from '@parley/testing';
import { randomBytes, randomUUID } from 'node:crypto';

export const ALEXA_SKILL_ID = 'amzn1.ask.skill.parley-e2e';
const BUCKET = 'https://s3.amazonaws.com/echo.api';
export const ALEXA_CHAINS = {
  valid: `${BUCKET}/echo-api-cert-parley.pem`,
  expired: `${BUCKET}/echo-api-cert-expired.pem`,
  wrongSan: `${BUCKET}/echo-api-cert-wrong-san.pem`,
  untrusted: `${BUCKET}/echo-api-cert-untrusted.pem`,
} as const;

export const alexaEnv = (): Record<string, string> => ({ ALEXA_SKILL_ID });

/** Amazon's bucket as the app sees it in tests: each chain of the test CA at its URL, and only the test root trusted. */
export function alexaCertificates(ca: AlexaTestCa): FakeAlexaCertificates {
  const certificates = new FakeAlexaCertificates(ca.rootPem);
  for (const name of Object.keys(ALEXA_CHAINS) as (keyof typeof ALEXA_CHAINS)[]) certificates.serve(ALEXA_CHAINS[name], ca[name].chainPem);
  return certificates;
}

/** What the skill answered, read from its JSON: the paragraphs spoken, the reprompt, and whether the session ended. */
export interface AlexaReply {
  status: number;
  body: Record<string, unknown>;
  said: string[];
  reprompt?: string;
  ended?: boolean;
}

const unescape = (text: string) =>
  text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function readReply(status: number, body: Record<string, unknown>): AlexaReply {
  const response = (body.response ?? {}) as { outputSpeech?: { ssml?: string }; reprompt?: { outputSpeech?: { text?: string } }; shouldEndSession?: boolean };
  const said = [...(response.outputSpeech?.ssml ?? '').matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => unescape(m[1]));
  return { status, body, said, reprompt: response.reprompt?.outputSpeech?.text, ended: response.shouldEndSession };
}

export interface Delivery {
  certUrl?: string | null;
  signer?: AlexaTestSigner;
  /** Replaces the computed Signature-256 (null: no header). */
  signature?: string | null;
  /** Changes the body after it was signed. */
  tamper?: (body: string) => string;
}

/** One Alexa account talking to the skill: requests in Amazon's envelope, signed by the test CA's echo-api certificate. */
export class AlexaUser {
  readonly userId = `amzn1.ask.account.${randomBytes(24).toString('hex').toUpperCase()}`;
  sessionId = `amzn1.echo-api.session.${randomUUID()}`;
  private newSession = true;

  constructor(
    private readonly appUrl: () => string,
    private readonly signer: AlexaTestSigner,
    private readonly skillId = ALEXA_SKILL_ID,
  ) {}

  envelope(request: Record<string, unknown>, at = new Date()): Record<string, unknown> {
    const application = { applicationId: this.skillId };
    const user = { userId: this.userId };
    const body = {
      version: '1.0',
      session: { new: this.newSession, sessionId: this.sessionId, application, attributes: {}, user },
      context: { System: { application, user, device: { deviceId: 'amzn1.ask.device.parley-e2e', supportedInterfaces: {} }, apiEndpoint: 'https://api.amazonalexa.com' } },
      request: { requestId: `amzn1.echo-api.request.${randomUUID()}`, timestamp: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), locale: 'en-US', ...request },
    };
    this.newSession = false;
    return body;
  }

  launch(): Promise<AlexaReply> {
    return this.send(this.envelope({ type: 'LaunchRequest' }));
  }

  say(utterance: string): Promise<AlexaReply> {
    return this.send(this.envelope(this.utterance(utterance)));
  }

  utterance(utterance: string): Record<string, unknown> {
    return { type: 'IntentRequest', intent: { name: 'CatchAllIntent', confirmationStatus: 'NONE', slots: { utterance: { name: 'utterance', value: utterance } } } };
  }

  intent(name: string): Promise<AlexaReply> {
    return this.send(this.envelope({ type: 'IntentRequest', intent: { name, confirmationStatus: 'NONE' } }));
  }

  async endSession(reason = 'USER_INITIATED'): Promise<AlexaReply> {
    const reply = await this.send(this.envelope({ type: 'SessionEndedRequest', reason }));
    this.sessionId = `amzn1.echo-api.session.${randomUUID()}`;
    this.newSession = true;
    return reply;
  }

  async send(envelope: Record<string, unknown>, delivery: Delivery = {}): Promise<AlexaReply> {
    const body = JSON.stringify(envelope);
    const signature = delivery.signature === undefined ? signAlexaBody(body, (delivery.signer ?? this.signer).keyPem) : delivery.signature;
    const certUrl = delivery.certUrl === undefined ? ALEXA_CHAINS.valid : delivery.certUrl;
    const response = await fetch(`${this.appUrl()}/webhooks/alexa`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        ...(certUrl === null ? {} : { signaturecertchainurl: certUrl }),
        ...(signature === null ? {} : { 'signature-256': signature }),
      },
      body: delivery.tamper ? delivery.tamper(body) : body,
    });
    const text = await response.text();
    return readReply(response.status, text ? (JSON.parse(text) as Record<string, unknown>) : {});
  }
}
