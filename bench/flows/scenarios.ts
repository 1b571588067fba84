/** Conversations replayed by the benchmark: what visitors type, turn by turn, after the greeting. */
export interface Scenario {
  flow: string;
  attributes?: Record<string, unknown>;
  segments?: string[];
  turns: (string | { payload: string })[];
}

export const SCENARIOS: Scenario[] = [
  { flow: 'lead-qualification', turns: ['Ana', 'ana@acme.io', 'about 2500 people'] },
  { flow: 'lead-qualification', turns: ['Bo', 'not an email', 'bo@x.io', { payload: 'midmarket' }] },
  { flow: 'lead-qualification', turns: ['Cy', 'cy@startup.dev', 'just me', 'thanks!'] },
  { flow: 'lead-qualification', turns: ['Di', 'nope', 'nope', 'nope', 'still nope', '2'] },
  {
    flow: 'b2b-lead-qualification',
    segments: ['enterprise'],
    turns: ['Ana Lee', 'ana@bigcorp.com', { payload: 'lead_routing' }, { payload: 'decision_maker' }, 'this quarter', 'yes', { payload: 'yes' }],
  },
  {
    flow: 'b2b-lead-qualification',
    turns: ['Sam', 'sam at tinyshop', 'sam@tinyshop.io', 'just me', 'more leads please', 'Just researching', 'how much does it cost?', 'Later', 'not really, no'],
  },
];

/** A one-node flow: the cost of `step` itself, measured in the same run as the real flows. */
export const BASELINE_FLOW = `
schema: 2
id: baseline
start: echo
nodes:
  echo: { type: ask, text: "Say something", attribute: last, next: echo_back }
  echo_back: { type: say, text: "got it", next: echo }
`;
