/** What the skill says in answer to one request, and whether the session stays open for the next answer. */
export interface AlexaAnswer {
  lines: string[];
  /** Asked again when the user says nothing; only while the session stays open. */
  reprompt?: string;
  endSession: boolean;
}

type OutputSpeech = { type: 'SSML'; ssml: string } | { type: 'PlainText'; text: string };

export interface AlexaResponseBody {
  version: '1.0';
  response: {
    outputSpeech?: OutputSpeech;
    reprompt?: { outputSpeech: OutputSpeech };
    shouldEndSession?: boolean;
  };
}

const SSML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeSsml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => SSML_ENTITIES[char]);
}

/** Alexa accepts no speech in answer to a SessionEndedRequest. */
export const EMPTY_ALEXA_RESPONSE: AlexaResponseBody = { version: '1.0', response: {} };

/** Each line is a paragraph of SSML (a pause between them); the reprompt is the last question, in plain text. */
export function toAlexaResponse(answer: AlexaAnswer): AlexaResponseBody {
  const ssml = `<speak>${answer.lines.map((line) => `<p>${escapeSsml(line)}</p>`).join('')}</speak>`;
  const reprompt = !answer.endSession && answer.reprompt ? { reprompt: { outputSpeech: { type: 'PlainText' as const, text: answer.reprompt } } } : {};
  return { version: '1.0', response: { outputSpeech: { type: 'SSML', ssml }, ...reprompt, shouldEndSession: answer.endSession } };
}
