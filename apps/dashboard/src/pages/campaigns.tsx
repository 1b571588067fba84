import { useEffect, useState } from 'preact/hooks';
import { api, errorText, type Session } from '../api';
import { previewTemplate, smsSize } from '../sms-segments';

interface Progress {
  total: number;
  sent: number;
  skippedNoConsent: number;
  skippedQuietHours: number;
  failed: number;
  pending: number;
}
interface Campaign {
  id: string;
  name: string;
  channel: string;
  template: string;
  status: string;
  createdAt: string;
  completedAt: string | null;
  progress: Progress;
}
interface Segment {
  id: string;
  name: string;
  members: number;
}
const SAMPLE = { name: 'Ada', firstName: 'Ada', company: 'Acme' };
const POLL_MS = 2000;

/** Campaigns when the server has the campaigns API: create from a segment and template, preview, live progress, results. */
export function CampaignsPage({ session }: { session: Session }) {
  const [state, setState] = useState<{ items?: Campaign[]; missing?: boolean; error?: string }>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void api<{ items: Campaign[] }>('/api/v1/campaigns?limit=50').then((r) => {
      if (r.status === 404) return setState({ missing: true });
      if (!r.ok) return setState({ error: errorText(r) });
      setState({ items: r.data.items });
    });
  }, [tick]);
  const running = state.items?.some((c) => c.status === 'running' || c.progress.pending > 0);
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setTick((t) => t + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [running, tick]);

  return (
    <section aria-labelledby="campaigns-title">
      <h1 id="campaigns-title">Campaigns</h1>
      {state.missing && <p data-testid="not-available">Campaigns are not available on this server.</p>}
      {state.error && <p role="alert">{state.error}</p>}
      {state.items && (session.role === 'admin' || session.role === 'marketer') && <NewCampaign onCreated={() => setTick((t) => t + 1)} />}
      {state.items && (
        <div class="table-wrap">
          <h2>Sent and sending</h2>
          <table data-testid="campaigns-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Status</th>
                <th>Progress</th>
                <th>Sent</th>
                <th>No consent</th>
                <th>Quiet hours</th>
                <th>Failed</th>
                <th>Pending</th>
              </tr>
            </thead>
            <tbody>
              {state.items.map((c) => {
                const done = c.progress.total - c.progress.pending;
                return (
                  <tr key={c.id}>
                    <td>
                      {c.name} <small>({c.channel})</small>
                    </td>
                    <td>{c.status}</td>
                    <td>
                      <progress max={Math.max(1, c.progress.total)} value={done} aria-label={`${c.name}: ${done} of ${c.progress.total} handled`} />
                    </td>
                    <td>{c.progress.sent}</td>
                    <td>{c.progress.skippedNoConsent}</td>
                    <td>{c.progress.skippedQuietHours}</td>
                    <td>{c.progress.failed}</td>
                    <td>{c.progress.pending}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {state.items.length === 0 && <p>No campaigns yet.</p>}
        </div>
      )}
    </section>
  );
}

function NewCampaign({ onCreated }: { onCreated: () => void }) {
  const [segments, setSegments] = useState<Segment[] | null>(null);
  const [form, setForm] = useState({ name: '', segmentId: '', template: 'Hi {{name}}, ', rate: '1', price: '0.0079', startAt: '' });
  const [notice, setNotice] = useState('');
  useEffect(() => {
    void api<{ items: Segment[] }>('/api/v1/segments').then((r) => setSegments(r.ok ? r.data.items : []));
  }, []);
  const set = (name: keyof typeof form) => (e: Event) => setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value });
  const preview = previewTemplate(form.template, SAMPLE);
  const size = smsSize(preview);
  const audience = segments?.find((s) => s.id === form.segmentId)?.members ?? 0;
  const cost = audience * size.segments * (Number(form.price) || 0);
  const submit = async (event: Event) => {
    event.preventDefault();
    setNotice('');
    const result = await api<{ progress: Progress }>('/api/v1/campaigns', {
      method: 'POST',
      body: {
        name: form.name.trim(),
        template: form.template,
        audience: { segmentId: form.segmentId },
        rate: Number(form.rate) || 1,
        // datetime-local is the browser's local time; the API wants an instant.
        ...(form.startAt ? { startAt: new Date(form.startAt).toISOString() } : {}),
      },
    });
    if (!result.ok) return setNotice(errorText(result));
    const when = form.startAt ? `Scheduled for ${new Date(form.startAt).toLocaleString()}` : 'Started';
    setNotice(`${when}: ${result.data.progress.total} recipients.`);
    onCreated();
  };
  return (
    <form class="campaign-form" onSubmit={submit} aria-labelledby="new-campaign-title">
      <h2 id="new-campaign-title">New SMS campaign</h2>
      <div class="filters">
        <label>
          Name
          <input value={form.name} onInput={set('name')} required maxLength={200} />
        </label>
        <label>
          Segment
          <select value={form.segmentId} onChange={set('segmentId')} required>
            <option value="">choose…</option>
            {(segments ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.members})
              </option>
            ))}
          </select>
        </label>
        <label>
          Messages per second
          <input type="number" min="0.1" step="0.1" value={form.rate} onInput={set('rate')} size={4} />
        </label>
        <label>
          Send at (optional; your local time)
          <input type="datetime-local" value={form.startAt} onInput={set('startAt')} />
        </label>
        <label>
          Price per segment (USD)
          <input type="number" min="0" step="0.0001" value={form.price} onInput={set('price')} size={6} />
        </label>
      </div>
      <label class="wide">
        Template
        <textarea value={form.template} onInput={set('template')} rows={3} maxLength={1600} required />
      </label>
      <div class="preview" data-testid="campaign-preview" aria-live="polite">
        <p class="sms">{preview}</p>
        <p>
          {size.encoding}, {size.units} characters: <strong data-testid="sms-segments">{size.segments}</strong> SMS segment{size.segments === 1 ? '' : 's'} per
          recipient; {audience} recipients ≈ <strong>${cost.toFixed(2)}</strong> (before consent and quiet-hours skips).
        </p>
      </div>
      {notice && <p role="status">{notice}</p>}
      <button type="submit" disabled={!form.name.trim() || !form.segmentId || !form.template.trim()}>
        {form.startAt ? 'Schedule campaign' : 'Send campaign'}
      </button>
    </form>
  );
}
