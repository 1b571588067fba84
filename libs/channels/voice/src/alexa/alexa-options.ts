/** Settings the composition root gives the Alexa skill endpoint (ALEXA_SKILL_ID). */
export abstract class AlexaOptions {
  /** The skill's application id; requests for any other skill are refused. */
  abstract readonly skillId?: string;
}

export const ALEXA_WEBHOOK_PATH = '/webhooks/alexa';

/** Why the skill endpoint is off, or undefined when it can verify requests. */
export function alexaChannelProblem(options: AlexaOptions): string | undefined {
  return options.skillId ? undefined : 'missing ALEXA_SKILL_ID';
}
