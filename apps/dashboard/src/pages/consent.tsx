import { useEffect, useState } from 'preact/hooks';
import { api, errorText, type Session } from '../api';

interface History {
  current: { channel: string; purpose: string; status: string }[];
  history: { seq: number; at: string; channel: string; purpose: string; action: string; source: string; actor: string; disclosureText?: string | null; evidence?: Record<string, string>; hash: string }[];
}
interface AuditEvent {
  id: string;
  actor: string;
  action: string;
  target: string | null;
  ip: string | null;
  at: string;
}

export function ConsentPage({ session }: { session: Session }) {
  const [contact, setContact] = useState(new URLSearchParams(location.search).get('contact') ?? '');
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState('');
  const load = async (event?: Event) => {
    event?.preventDefault();
    const result = await api<History>(`/api/v1/contacts/${encodeURIComponent(contact.trim())}/consent`);
    setError(result.ok ? '' : errorText(result));
    setHistory(result.ok ? result.data : null);
  };
  useEffect(() => void (contact && load()), []);
  return (
    <section aria-labelledby="consent-title">
      <h1 id="consent-title">Consent</h1>
      <form onSubmit={load} class="filters">
        <label>
          Contact id
          <input value={contact} onInput={(e) => setContact(e.currentTarget.value)} size={38} />
        </label>
        <button type="submit" disabled={!contact.trim()}>
          Show history
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {history && (
        <>
          <h2>Current</h2>
          <ul>
            {history.current.map((c) => (
              <li key={`${c.channel}/${c.purpose}`}>
                {c.channel}/{c.purpose}: {c.status}
              </li>
            ))}
          </ul>
          <h2>History with proof</h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th>#</th>
                  <th>When</th>
                  <th>Change</th>
                  <th>Source</th>
                  <th>Proof</th>
                </tr>
              </thead>
              <tbody>
                {history.history.map((h) => (
                  <tr key={h.seq}>
                    <td>{h.seq}</td>
                    <td>{new Date(h.at).toLocaleString()}</td>
                    <td>
                      {h.action} {h.channel}/{h.purpose}
                    </td>
                    <td>
                      {h.source} · {h.actor}
                    </td>
                    <td>
                      <code title={h.hash}>{h.hash.slice(0, 12)}</code> {h.disclosureText ?? ''} {h.evidence ? JSON.stringify(h.evidence) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {session.role === 'admin' && <AuditLog />}
    </section>
  );
}

function AuditLog() {
  const [items, setItems] = useState<AuditEvent[]>([]);
  useEffect(() => {
    void api<{ items: AuditEvent[] }>('/api/v1/audit-events?limit=50').then((r) => r.ok && setItems(r.data.items));
  }, []);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <div class="table-wrap">
        <table data-testid="audit-log">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>What</th>
              <th>Target</th>
              <th>From</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>{new Date(a.at).toLocaleString()}</td>
                <td>{a.actor}</td>
                <td>{a.action}</td>
                <td>{a.target ?? ''}</td>
                <td>{a.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
