import { useEffect, useState } from 'preact/hooks';
import { api, errorText } from '../api';
import { BASE, linkProps } from '../router';

interface LeadDetail {
  lead: { id: string; name: string | null; email: string | null; phone: string | null; score: number; lifecycle: string; consent: string; segment: string | null; channels: string[] };
  attributes: Record<string, unknown>;
  conversations: { id: string; channel: string; flowId: string | null; owner: string; createdAt: string }[];
  consent: { at: string; channel: string; purpose: string; action: string; source: string }[];
  score: { total: number; ledger: { at: string; event: string; points: number }[] };
  timeline: { at: string; kind: string; summary: string }[];
}

export function LeadPage({ id }: { id: string }) {
  const [detail, setDetail] = useState<LeadDetail | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void api<LeadDetail>(`/api/v1/leads/${encodeURIComponent(id)}`).then((r) => (r.ok ? setDetail(r.data) : setError(errorText(r))));
  }, [id]);
  if (error) return <p role="alert">{error}</p>;
  if (!detail) return <p class="loading">Loading…</p>;
  const { lead } = detail;
  return (
    <article aria-labelledby="lead-title" class="lead">
      <p>
        <a {...linkProps(`${BASE}/leads`)}>← Leads</a>
      </p>
      <h1 id="lead-title">{lead.name ?? 'Anonymous'}</h1>
      <dl class="facts">
        <dt>Email</dt>
        <dd>{lead.email ?? '—'}</dd>
        <dt>Phone</dt>
        <dd>{lead.phone ?? '—'}</dd>
        <dt>Stage</dt>
        <dd>{lead.lifecycle}</dd>
        <dt>Score</dt>
        <dd data-testid="lead-score">{lead.score}</dd>
        <dt>Segment</dt>
        <dd>{lead.segment ?? '—'}</dd>
        <dt>Consent</dt>
        <dd>
          {lead.consent} (<a {...linkProps(`${BASE}/consent?contact=${lead.id}`)}>history with proof</a>)
        </dd>
        <dt>Channels</dt>
        <dd>{lead.channels.join(', ') || '—'}</dd>
      </dl>
      <section aria-labelledby="score-title">
        <h2 id="score-title">Why this score</h2>
        {detail.score.ledger.length ? (
          <table>
            <thead>
              <tr>
                <th>When</th>
                <th>Event</th>
                <th>Points</th>
              </tr>
            </thead>
            <tbody>
              {detail.score.ledger.map((l, i) => (
                <tr key={i}>
                  <td>{new Date(l.at).toLocaleString()}</td>
                  <td>{l.event}</td>
                  <td>{l.points > 0 ? `+${l.points}` : l.points}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No scoring events yet.</p>
        )}
      </section>
      <section aria-labelledby="conversations-of-lead">
        <h2 id="conversations-of-lead">Conversations</h2>
        <ul>
          {detail.conversations.map((c) => (
            <li key={c.id}>
              <a {...linkProps(`${BASE}/conversations/${c.id}`)}>
                {c.channel} · {c.flowId ?? 'no flow'} · {c.owner} · {new Date(c.createdAt).toLocaleString()}
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <ol class="timeline">
          {[...detail.consent.map((c) => ({ at: String(c.at), kind: 'consent', summary: `${c.action} ${c.channel}/${c.purpose} (${c.source})` })), ...detail.timeline]
            .sort((a, b) => b.at.localeCompare(a.at))
            .map((t, i) => (
              <li key={i}>
                <time dateTime={t.at}>{new Date(t.at).toLocaleString()}</time> <span class={`kind ${t.kind}`}>{t.kind}</span> {t.summary}
              </li>
            ))}
        </ol>
      </section>
    </article>
  );
}
