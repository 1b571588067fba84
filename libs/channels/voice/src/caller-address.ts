const E164 = /^\+[1-9]\d{6,14}$/;
/** What Twilio puts in From for a withheld or unknown caller ID ("anonymous", or these placeholder numbers). */
const WITHHELD = new Set(['+266696687', '+86282452253', '+7378742833', '+2562533', '+8656696']);

/**
 * The conversation's address: the caller's E.164 number, so a second call resumes the first. Withheld numbers
 * all look alike, so each such call gets a conversation of its own instead of sharing one with strangers.
 */
export function callerAddress(from: string, callSid: string): string {
  return E164.test(from) && !WITHHELD.has(from) ? from : `anonymous:${callSid}`;
}
