export interface Entity {
  type: string;
  /** Normalised value: an E.164 phone, a lower-cased email, an ISO date, a number… */
  value: unknown;
  text: string;
  start: number;
  end: number;
}

export interface IntentGuess {
  intent: string;
  confidence: number;
}

/** What the NLU made of a text. `intent` is undefined when nothing clears the threshold. */
export interface Understanding {
  intent?: string;
  confidence: number;
  ranking: IntentGuess[];
  entities: Entity[];
  outOfScope: boolean;
  ambiguous: boolean;
}

export const NOTHING_UNDERSTOOD: Understanding = {
  confidence: 0,
  ranking: [],
  entities: [],
  outOfScope: true,
  ambiguous: false,
};
