import { useEffect, useRef, useState } from 'preact/hooks';
import { api, errorText, query } from '../api';
import { BASE, linkProps } from '../router';
import { Pager } from './pager';

interface Lead {
  id: string;
  name: string | null;
  email: string | null;
  segment: string | null;
  score: number;
  lifecycle: string;
  consent: string;
  channels: string[];
  updatedAt: string;
}
const LIMIT = 50;
const COLUMNS = [
  ['name', 'Name'],
  ['score', 'Score'],
  ['lifecycle', 'Stage'],
  ['updatedAt', 'Last seen'],
] as const;

export function LeadsPage() {
  const [filters, setFilters] = useState({ q: '', lifecycle: '', segment: '', channel: '', consent: '', minScore: '', maxScore: '' });
  const [sort, setSort] = useState<{ by: string; order: 'asc' | 'desc' }>({ by: 'updatedAt', order: 'desc' });
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; items: Lead[] }>({ total: 0, items: [] });
  const [error, setError] = useState('');
  const params = { ...filters, sort: sort.by, order: sort.order };

  const first = useRef(true);
  useEffect(() => {
    // Typing in the search box waits for a pause; the first load does not wait.
    const delay = first.current ? 0 : 150;
    first.current = false;
    const timer = setTimeout(() => {
      void api<{ total: number; items: Lead[] }>(`/api/v1/leads${query({ ...params, limit: LIMIT, offset })}`).then((r) => {
        setError(r.ok ? '' : errorText(r));
        if (r.ok) setPage(r.data);
      });
    }, delay);
    return () => clearTimeout(timer);
  }, [JSON.stringify(params), offset]);

  const set = (name: keyof typeof filters) => (event: Event) => {
    setOffset(0);
    setFilters({ ...filters, [name]: (event.currentTarget as HTMLInputElement).value });
  };
  const sortBy = (by: string) => setSort((s) => ({ by, order: s.by === by && s.order === 'desc' ? 'asc' : 'desc' }));

  return (
    <section aria-labelledby="leads-title">
      <h1 id="leads-title">Leads</h1>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search
          <input type="search" value={filters.q} onInput={set('q')} placeholder="name, email, phone" />
        </label>
        <label>
          Stage
          <select value={filters.lifecycle} onChange={set('lifecycle')}>
            <option value="">all</option>
            {['subscriber', 'lead', 'mql', 'sql', 'customer'].map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Segment
          <input value={filters.segment} onInput={set('segment')} size={10} />
        </label>
        <label>
          Channel
          <select value={filters.channel} onChange={set('channel')}>
            <option value="">all</option>
            {['webchat', 'sms', 'whatsapp', 'voice', 'alexa', 'teams'].map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Consent
          <select value={filters.consent} onChange={set('consent')}>
            <option value="">all</option>
            <option value="granted">granted</option>
            <option value="revoked">revoked</option>
            <option value="none">none</option>
          </select>
        </label>
        <label>
          Score from
          <input type="number" value={filters.minScore} onInput={set('minScore')} size={4} />
        </label>
        <label>
          to
          <input type="number" value={filters.maxScore} onInput={set('maxScore')} size={4} />
        </label>
        <a class="button" href={`/api/v1/leads${query({ ...params, format: 'csv' })}`} download="leads.csv" data-testid="leads-csv" onClick={(e) => (e.preventDefault(), void downloadCsv(params))}>
          Export CSV
        </a>
      </form>
      {error && <p role="alert">{error}</p>}
      <div class="table-wrap">
        <table data-testid="leads-table">
          <thead>
            <tr>
              {COLUMNS.map(([key, label]) => (
                <th key={key} aria-sort={sort.by === key ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" class="link" onClick={() => sortBy(key)}>
                    {label}
                  </button>
                </th>
              ))}
              <th>Email</th>
              <th>Segment</th>
              <th>Consent</th>
              <th>Channels</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((lead) => (
              <tr key={lead.id} data-testid="lead-row">
                <td>
                  <a {...linkProps(`${BASE}/leads/${lead.id}`)}>{lead.name ?? 'Anonymous'}</a>
                </td>
                <td>{lead.score}</td>
                <td>{lead.lifecycle}</td>
                <td>{new Date(lead.updatedAt).toLocaleString()}</td>
                <td>{lead.email ?? ''}</td>
                <td>{lead.segment ?? ''}</td>
                <td>{lead.consent}</td>
                <td>{lead.channels.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager total={page.total} offset={offset} limit={LIMIT} onChange={setOffset} />
    </section>
  );
}

/** The CSV comes through the API with the dashboard header, then is handed to the browser as a file. */
async function downloadCsv(params: Record<string, string>): Promise<void> {
  const result = await api<string>(`/api/v1/leads${query({ ...params, format: 'csv' })}`);
  if (!result.ok) return;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([result.data], { type: 'text/csv' }));
  link.download = 'leads.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
