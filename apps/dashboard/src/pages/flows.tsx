import { useEffect, useState } from 'preact/hooks';
import { twoProportionTest } from '../ab-test';
import { api, errorText } from '../api';

interface Graph {
  start: string;
  nodes: { id: string; type: string }[];
  edges: { from: string; to: string }[];
}
interface Flows {
  files: { file: string; flowId: string | null; version: string | null; valid: boolean; errors: string[] }[];
  items: { id: string; name: string; servedVersion: string; versions: { version: string; createdAt: string }[]; graph: Graph }[];
}

export function FlowsPage() {
  const [flows, setFlows] = useState<Flows | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void api<Flows>('/api/v1/flows').then((r) => (r.ok ? setFlows(r.data) : setError(errorText(r))));
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!flows) return <p class="loading">Loading…</p>;
  return (
    <section aria-labelledby="flows-title">
      <h1 id="flows-title">Flows</h1>
      <h2>Files</h2>
      <ul class="files">
        {flows.files.map((f) => (
          <li key={f.file}>
            <span class={`badge ${f.valid ? 'ok' : 'bad'}`}>{f.valid ? 'valid' : 'invalid'}</span> {f.file}
            {f.version ? ` · ${f.flowId}@${f.version}` : ''}
            {f.errors.length > 0 && (
              <ul>
                {f.errors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      <AbResults />
      {flows.items.map((flow) => (
        <details key={flow.id} class="flow">
          <summary>
            {flow.name} <small>({flow.id}, serving {flow.servedVersion}, {flow.versions.length} versions)</small>
          </summary>
          <p>Versions: {flow.versions.map((v) => `${v.version} (${new Date(v.createdAt).toLocaleDateString()})`).join(', ')}</p>
          <FlowGraph graph={flow.graph} title={flow.name} />
        </details>
      ))}
    </section>
  );
}

/** Nodes in layers by distance from the start, left to right; edges as straight lines. */
function FlowGraph({ graph, title }: { graph: Graph; title: string }) {
  const depth = new Map<string, number>([[graph.start, 0]]);
  const queue = [graph.start];
  while (queue.length) {
    const id = queue.shift()!;
    for (const e of graph.edges) {
      if (e.from !== id || depth.has(e.to)) continue;
      depth.set(e.to, depth.get(id)! + 1);
      queue.push(e.to);
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  for (const n of graph.nodes) if (!depth.has(n.id)) depth.set(n.id, maxDepth + 1);
  const columns = new Map<number, string[]>();
  for (const n of graph.nodes) columns.set(depth.get(n.id)!, [...(columns.get(depth.get(n.id)!) ?? []), n.id]);
  const W = 150;
  const H = 44;
  const at = new Map<string, { x: number; y: number }>();
  for (const [d, ids] of columns) ids.forEach((id, i) => at.set(id, { x: 10 + d * W, y: 10 + i * H }));
  const width = 10 + (Math.max(...columns.keys()) + 1) * W;
  const height = 10 + Math.max(...[...columns.values()].map((c) => c.length)) * H;
  const types = new Map(graph.nodes.map((n) => [n.id, n.type]));
  return (
    <div class="graph">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={`Graph of ${title}`}>
        {graph.edges.map((e, i) => {
          const a = at.get(e.from)!;
          const b = at.get(e.to)!;
          return <line key={i} x1={a.x + 120} y1={a.y + 15} x2={b.x} y2={b.y + 15} stroke="#888" />;
        })}
        {[...at].map(([id, p]) => (
          <g key={id}>
            <rect x={p.x} y={p.y} width={120} height={30} rx={6} fill={id === graph.start ? '#dbe4ff' : '#f1f3f5'} stroke="#495057" />
            <text x={p.x + 6} y={p.y + 19} font-size="11">
              {id.length > 16 ? `${id.slice(0, 15)}…` : id} · {types.get(id)}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}

type Counts = Record<string, number>;

/** Conversion (conversation → lead) per arm of each experiment, and a two-sided p-value of each arm against the first. */
function AbResults() {
  const [arms, setArms] = useState<Record<string, Counts> | null>(null);
  useEffect(() => {
    void api<{ byArm: Record<string, Counts> }>('/api/v1/funnel').then((r) => setArms(r.ok ? r.data.byArm : {}));
  }, []);
  if (!arms) return null;
  const experiments = new Map<string, [string, Counts][]>();
  for (const [key, counts] of Object.entries(arms)) {
    const [experiment, arm] = key.split(':');
    experiments.set(experiment, [...(experiments.get(experiment) ?? []), [arm, counts]]);
  }
  return (
    <section aria-labelledby="ab-title">
      <h2 id="ab-title">A/B results</h2>
      {experiments.size === 0 ? (
        <p>No experiment has assigned a conversation yet.</p>
      ) : (
        [...experiments].map(([experiment, rows]) => (
          <div class="table-wrap" key={experiment}>
            <h3>{experiment}</h3>
            <table data-testid="ab-results">
              <thead>
                <tr>
                  <th>Arm</th>
                  <th>Conversations</th>
                  <th>Leads</th>
                  <th>Conversion</th>
                  <th>p-value against {rows[0][0]}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([arm, counts], i) => {
                  const test = i === 0 ? undefined : twoProportionTest({ conversions: rows[0][1].lead, total: rows[0][1].conversations }, { conversions: counts.lead, total: counts.conversations });
                  return (
                    <tr key={arm}>
                      <th scope="row">{arm}</th>
                      <td>{counts.conversations}</td>
                      <td>{counts.lead}</td>
                      <td>{counts.conversations ? `${((100 * counts.lead) / counts.conversations).toFixed(1)}%` : '—'}</td>
                      <td>{i === 0 ? 'baseline' : test ? `${test.p.toFixed(3)}${test.p < 0.05 ? ' (significant at 5%)' : ''}` : 'not enough data'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))
      )}
    </section>
  );
}
