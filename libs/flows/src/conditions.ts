import type { Condition } from './flow-schema';
import type { StepContext } from './step-types';

export interface ConditionFacts {
  attributes: Readonly<Record<string, unknown>>;
  intent?: string;
  channel: StepContext['channel'];
}

function attributeHolds(condition: Condition, value: unknown): boolean {
  if (condition.equals !== undefined && value !== condition.equals) return false;
  if (condition.in !== undefined && !condition.in.includes(value as string | number)) return false;
  if (condition.gte !== undefined && !(typeof value === 'number' && value >= condition.gte)) return false;
  if (condition.lte !== undefined && !(typeof value === 'number' && value <= condition.lte)) return false;
  return true;
}

/** Every clause given must hold (AND). */
export function conditionHolds(condition: Condition, facts: ConditionFacts): boolean {
  if (condition.intent !== undefined && facts.intent !== condition.intent) return false;
  if (condition.channel !== undefined && facts.channel !== condition.channel) return false;
  if (condition.attribute !== undefined && !attributeHolds(condition, facts.attributes[condition.attribute])) {
    return false;
  }
  return true;
}
