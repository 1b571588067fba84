import type { ChatClient } from './chat-client';

/** The answers that take a visitor through the b2b-lead-qualification flow to a sales-qualified, demo-booked lead. */
export function qualifiedEnterpriseAnswers(name: string, email: string): [RegExp, string][] {
  return [
    [/name/i, name],
    [/email/i, email],
    [/how many people/i, '1000+'],
    [/help with most/i, 'Qualify and route leads'],
    [/who decides/i, 'I decide'],
    [/when are you hoping/i, 'this quarter'],
    [/budget/i, 'yes'],
    [/book a 30-minute demo/i, 'yes'],
  ];
}

/** Answers each bot question as it comes, in order. */
export async function answerInTurn(visitor: ChatClient, answers: [RegExp, string][]): Promise<void> {
  for (const [question, answer] of answers) {
    await visitor.next((m) => m.from === 'bot' && question.test(m.text));
    await visitor.send(answer);
  }
}
