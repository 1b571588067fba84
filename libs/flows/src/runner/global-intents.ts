import type { GlobalIntent } from '../schema/flow.schema';
import { restartNodeOf } from './resolve-flow';
import type { FlowState, ResumePoint } from './step-types';
import type { Walk } from './walk';

export interface IntentMatch {
  name: string;
  intent: GlobalIntent;
  /** A button with payload `intent:<name>` was pressed. */
  byPayload: boolean;
}

const words = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
const keywordCache = new WeakMap<GlobalIntent, string[]>();

function keywordsOf(intent: GlobalIntent): string[] {
  let keywords = keywordCache.get(intent);
  if (!keywords) keywordCache.set(intent, (keywords = (intent.keywords ?? []).map(words)));
  return keywords;
}

/** The flow's global intent the message asks for: by button payload, by the NLU's intent, or by a keyword. */
export function matchGlobalIntent(walk: Walk): IntentMatch | undefined {
  const intents = walk.flow.intents;
  const message = walk.message;
  if (!intents || !message) return undefined;
  const entries = Object.entries(intents);
  const declared = (name: string | undefined): name is string => name !== undefined && Object.hasOwn(intents, name);
  const pressed = message.payload?.startsWith('intent:') ? message.payload.slice('intent:'.length) : undefined;
  if (declared(pressed)) return { name: pressed, intent: intents[pressed], byPayload: true };
  if (declared(message.intent)) return { name: message.intent, intent: intents[message.intent], byPayload: false };
  if (!message.text) return undefined;
  const said = words(message.text.slice(0, 500));
  const found = entries.find(([, intent]) => keywordsOf(intent).some((k) => said.includes(k)));
  return found && { name: found[0], intent: found[1], byPayload: false };
}

export function resumePointFor(match: IntentMatch, walk: Walk, state: FlowState): ResumePoint | undefined {
  const at = (nodeId: string) => ({ flowId: walk.flow.id, flowVersion: walk.current.version, nodeId });
  const { resume } = match.intent;
  if (resume === 'end') return undefined;
  if (resume === 'restart') return at(restartNodeOf(walk.flow, walk.segments));
  if (resume === 'return') return state.waitingAt ? at(state.waitingAt) : undefined;
  return at(resume.node);
}
