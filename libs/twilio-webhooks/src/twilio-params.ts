export type TwilioParams = Record<string, string | string[]>;

/** The form fields exactly as posted (strings, or arrays for repeated keys): what Twilio signed. */
export function formParams(body: unknown): TwilioParams {
  const params: TwilioParams = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return params;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'))) params[key] = value;
  }
  return params;
}

export function param(params: TwilioParams, key: string): string | undefined {
  const value = params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}
