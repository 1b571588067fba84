import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, canAct, errorText, query, type Session } from '../api';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

type Counts = Record<string, number>;
interface Funnel {
  stages: string[];
  total: Counts;
  byFlow: Record<string, Counts>;
  byChannel: Record<string, Counts>;
  byArm: Record<string, Counts>;
  intents?: Record<string, number>;
}
const LABELS: Record<string, string> = { conversations: 'Conversations', engaged: 'Engaged', lead: 'Lead', mql: 'MQL', sql: 'SQL', handedOff: 'Handed off' };

export function FunnelPage({ session }: { session: Session }) {
  const [range, setRange] = useState({ from: '', to: '', flow: '', channel: '' });
  const [funnel, setFunnel] = useState<Funnel | null>(null);
  const [error, setError] = useState('');
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    void api<Funnel>(`/api/v1/funnel${query(range)}`).then((r) => (r.ok ? (setFunnel(r.data), setError('')) : setError(errorText(r))));
  }, [JSON.stringify(range)]);

  useEffect(() => {
    if (!funnel || !canvas.current) return;
    const data = { labels: funnel.stages.map((s) => LABELS[s] ?? s), datasets: [{ label: 'Conversations', data: funnel.stages.map((s) => funnel.total[s]), backgroundColor: '#3b5bdb' }] };
    if (chart.current) {
      chart.current.data = data;
      chart.current.update();
    } else {
      chart.current = new Chart(canvas.current, { type: 'bar', data, options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
    }
  }, [funnel]);
  useEffect(() => () => chart.current?.destroy(), []);

  const set = (name: keyof typeof range) => (e: Event) => setRange({ ...range, [name]: (e.currentTarget as HTMLInputElement).value });
  return (
    <section aria-labelledby="funnel-title">
      <h1 id="funnel-title">Funnel</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          From
          <input type="date" value={range.from} onInput={set('from')} />
        </label>
        <label>
          To
          <input type="date" value={range.to} onInput={set('to')} />
        </label>
        <label>
          Flow
          <input value={range.flow} onInput={set('flow')} size={14} />
        </label>
        <label>
          Channel
          <input value={range.channel} onInput={set('channel')} size={8} />
        </label>
      </form>
      {error && <p role="alert">{error}</p>}
      <div class="chart">
        <canvas ref={canvas} role="img" aria-label="Funnel chart" data-testid="funnel-chart" />
      </div>
      {funnel && (
        <>
          <table data-testid="funnel-numbers">
            <thead>
              <tr>
                <th>Stage</th>
                <th>Count</th>
                <th>Of previous</th>
              </tr>
            </thead>
            <tbody>
              {funnel.stages.map((s, i) => {
                const before = i > 0 ? funnel.total[funnel.stages[i - 1]] : 0;
                return (
                  <tr key={s} data-stage={s}>
                    <th scope="row">{LABELS[s] ?? s}</th>
                    <td data-testid={`funnel-${s}`}>{funnel.total[s]}</td>
                    <td>{i > 0 && before ? `${Math.round((100 * funnel.total[s]) / before)}%` : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <Breakdown title="Per channel" rows={funnel.byChannel} stages={funnel.stages} />
          <Breakdown title="Per flow" rows={funnel.byFlow} stages={funnel.stages} />
          <Breakdown title="Per A/B arm" rows={funnel.byArm} stages={funnel.stages} />
          <Intents intents={funnel.intents ?? {}} />
        </>
      )}
      <MisunderstoodQueue session={session} />
    </section>
  );
}

/** Detected intents over the range, most frequent first, as bars with their counts beside. */
function Intents({ intents }: { intents: Record<string, number> }) {
  const entries = Object.entries(intents).sort(([, a], [, b]) => b - a);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <section aria-labelledby="intents-title">
      <h2 id="intents-title">Intent distribution</h2>
      {entries.length === 0 ? (
        <p data-testid="intents-empty">No intents detected in this range.</p>
      ) : (
        <ul class="bars" data-testid="intents">
          {entries.map(([intent, n]) => (
            <li key={intent} data-intent={intent}>
              <span class="bar-label">{intent}</span>
              <span class="bar" style={{ width: `${(100 * n) / max}%` }} aria-hidden="true" />
              <span class="bar-count">{n}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Breakdown({ title, rows, stages }: { title: string; rows: Record<string, Counts>; stages: string[] }) {
  const names = Object.keys(rows);
  return (
    <section class="table-wrap" aria-label={title}>
      <h2>{title}</h2>
      {names.length === 0 ? (
        <p>None in this range.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              {stages.map((s) => (
                <th key={s}>{LABELS[s] ?? s}</th>
              ))}
              <th>Conversion</th>
            </tr>
          </thead>
          <tbody>
            {names.map((name) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                {stages.map((s) => (
                  <td key={s}>{rows[name][s]}</td>
                ))}
                <td>{rows[name].conversations ? `${((100 * rows[name].lead) / rows[name].conversations).toFixed(1)}%` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface Utterance {
  id: string;
  text: string;
  guesses?: { intent: string; confidence: number }[];
}

function MisunderstoodQueue({ session }: { session: Session }) {
  const [items, setItems] = useState<Utterance[] | null>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const writer = canAct(session) && session.role !== 'sales';
  useEffect(() => {
    void api<{ items: Utterance[] }>('/api/v1/nlu/misunderstood?labelled=false&limit=20').then((r) => setItems(r.ok ? r.data.items : []));
  }, []);
  const label = async (item: Utterance, intent: string) => {
    const result = await api(`/api/v1/nlu/misunderstood/${item.id}/label`, { method: 'POST', body: { intent } });
    if (!result.ok) return setNotice(errorText(result));
    setItems((list) => list?.filter((i) => i.id !== item.id) ?? null);
    setNotice(`Labelled “${item.text}” as ${intent}.`);
  };
  const retrain = async () => {
    const result = await api<Record<string, unknown>>('/api/v1/nlu/retrain', { method: 'POST' });
    setNotice(result.ok ? 'Retrained: new conversations use the labelled examples.' : errorText(result));
  };
  const distribution = new Map<string, number>();
  for (const item of items ?? []) for (const g of item.guesses?.slice(0, 1) ?? []) distribution.set(g.intent, (distribution.get(g.intent) ?? 0) + 1);
  return (
    <section aria-labelledby="misunderstood-title">
      <h2 id="misunderstood-title">Misunderstood queue</h2>
      {notice && <p role="status">{notice}</p>}
      {writer && (
        <button type="button" onClick={retrain}>
          Retrain the NLU on the labels
        </button>
      )}
      {items === null ? (
        <p>Loading…</p>
      ) : items.length === 0 ? (
        <p>Nothing waiting for a label.</p>
      ) : (
        <>
          <p>Closest intents guessed: {[...distribution].map(([intent, n]) => `${intent} (${n})`).join(', ') || '—'}</p>
          <ul class="queue">
            {items.map((item) => {
              const guess = item.guesses?.[0]?.intent;
              return (
                <li key={item.id}>
                  <q>{item.text}</q>
                  {writer && (
                    <span class="label-controls">
                      {guess && (
                        <button type="button" onClick={() => label(item, guess)}>
                          Label {guess}
                        </button>
                      )}
                      <label>
                        Intent
                        <input value={labels[item.id] ?? ''} onInput={(e) => setLabels({ ...labels, [item.id]: e.currentTarget.value })} size={12} />
                      </label>
                      <button type="button" disabled={!labels[item.id]} onClick={() => label(item, labels[item.id])}>
                        Save label
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
