/** Settings the composition root gives the Bot Framework channel (MICROSOFT_APP_*, BOTFRAMEWORK_*). */
export abstract class BotFrameworkOptions {
  abstract readonly appId?: string;
  abstract readonly appPassword?: string;
  /** Set for a single-tenant bot registration; unset, the bot is multi-tenant. */
  abstract readonly tenantId?: string;
  /** Accept activities without a JWT when no app id is set: for the local Bot Framework Emulator only. */
  abstract readonly allowUnauthenticated?: boolean;
  /** Where the channel's signing keys are published (OpenID metadata); unset, Bot Framework's own. */
  abstract readonly openIdMetadataUrl?: string;
}

export const BOT_MESSAGES_PATH = '/api/messages';

export type BotFrameworkMode = 'authenticated' | 'unauthenticated' | 'off';

export function botFrameworkMode(options: BotFrameworkOptions): BotFrameworkMode {
  if (options.appId && options.appPassword) return 'authenticated';
  if (options.appId || options.appPassword) return 'off';
  return options.allowUnauthenticated ? 'unauthenticated' : 'off';
}

/** Why the channel is off, or undefined when it is on. */
export function botFrameworkProblem(options: BotFrameworkOptions): string | undefined {
  if (botFrameworkMode(options) !== 'off') return undefined;
  if (options.appId && !options.appPassword) return 'missing MICROSOFT_APP_PASSWORD';
  if (!options.appId && options.appPassword) return 'missing MICROSOFT_APP_ID';
  return 'missing MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD (or BOTFRAMEWORK_ALLOW_UNAUTHENTICATED=true for the local emulator)';
}
