import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from '../api';

interface Campaign {
  id: string;
  name?: string;
  status?: string;
  channel?: string;
  scheduledAt?: string | null;
  sent?: number;
  total?: number;
}

/** Lists campaigns when the server has the campaigns API; says so when it does not. */
export function CampaignsPage() {
  const [state, setState] = useState<{ items?: Campaign[]; missing?: boolean; error?: string }>({});
  useEffect(() => {
    void api<{ items?: Campaign[] } | Campaign[]>('/api/v1/campaigns').then((r) => {
      if (r.status === 404) return setState({ missing: true });
      if (!r.ok) return setState({ error: errorText(r) });
      setState({ items: Array.isArray(r.data) ? r.data : (r.data.items ?? []) });
    });
  }, []);
  return (
    <section aria-labelledby="campaigns-title">
      <h1 id="campaigns-title">Campaigns</h1>
      {state.missing && <p data-testid="not-available">Campaigns are not available on this server yet.</p>}
      {state.error && <p role="alert">{state.error}</p>}
      {state.items && (
        <table>
          <thead>
            <tr>
              <th>Name</th>
              <th>Channel</th>
              <th>Status</th>
              <th>Progress</th>
            </tr>
          </thead>
          <tbody>
            {state.items.map((c) => (
              <tr key={c.id}>
                <td>{c.name ?? c.id}</td>
                <td>{c.channel ?? ''}</td>
                <td>{c.status ?? ''}</td>
                <td>{c.total ? <progress max={c.total} value={c.sent ?? 0} aria-label={`${c.sent ?? 0} of ${c.total} sent`} /> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
