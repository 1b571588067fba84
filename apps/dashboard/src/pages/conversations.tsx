import { useEffect, useRef, useState } from 'preact/hooks';
import { api, canAct, errorText, query, type Session } from '../api';
import { liveFeed, type LiveConversation, type LiveMessage } from '../live';
import { BASE, linkProps, navigate } from '../router';
import { Pager } from './pager';

interface Summary {
  id: string;
  contactId: string;
  channel: string;
  owner: 'bot' | 'human';
  flowId: string | null;
  updatedAt: string;
  contactName: string | null;
  score: number | null;
  segment: string | null;
  lastMessage: { from: string; text: string; at: string } | null;
}
interface Page {
  total: number;
  items: Summary[];
}
const LIMIT = 50;

function merge(list: Summary[], update: LiveConversation): Summary[] {
  const found = list.find((c) => c.id === update.id);
  const merged: Summary = found
    ? { ...found, owner: update.owner, updatedAt: update.updatedAt, contactName: update.contactName ?? found.contactName, lastMessage: update.lastMessage ?? found.lastMessage }
    : {
        id: update.id,
        contactId: update.contactId ?? '',
        channel: update.channel ?? '?',
        owner: update.owner,
        flowId: null,
        updatedAt: update.updatedAt,
        contactName: update.contactName ?? null,
        score: null,
        segment: null,
        lastMessage: update.lastMessage ?? null,
      };
  if (!found && !update.channel) return list; // an ownership change of a conversation not on this page
  return [merged, ...list.filter((c) => c.id !== update.id)];
}

export function ConversationsPage({ session, selected }: { session: Session; selected?: string }) {
  const [page, setPage] = useState<Page>({ total: 0, items: [] });
  const [offset, setOffset] = useState(0);
  const [channel, setChannel] = useState('');
  const [owner, setOwner] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    void api<Page>(`/api/v1/conversations${query({ limit: LIMIT, offset, channel, owner })}`).then((r) => (r.ok ? setPage(r.data) : setError(errorText(r))));
  }, [offset, channel, owner]);

  useEffect(() => {
    const feed = liveFeed();
    const onConversation = (update: LiveConversation) => {
      if (offset > 0 || (channel && update.channel && update.channel !== channel)) return;
      setPage((p) => ({ ...p, total: p.items.some((c) => c.id === update.id) || !update.channel ? p.total : p.total + 1, items: merge(p.items, update).slice(0, LIMIT) }));
    };
    feed.on('conversation', onConversation);
    return () => feed.off('conversation', onConversation);
  }, [offset, channel]);

  const current = page.items.find((c) => c.id === selected);
  return (
    <div class="split">
      <section aria-labelledby="conversations-title" class="list">
        <h1 id="conversations-title">Conversations</h1>
        <div class="filters">
          <label>
            Channel
            <select value={channel} onChange={(e) => (setOffset(0), setChannel(e.currentTarget.value))}>
              <option value="">all</option>
              {['webchat', 'sms', 'whatsapp', 'voice', 'alexa', 'teams', 'botframework'].map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <label>
            Owner
            <select value={owner} onChange={(e) => (setOffset(0), setOwner(e.currentTarget.value))}>
              <option value="">all</option>
              <option value="bot">bot</option>
              <option value="human">human</option>
            </select>
          </label>
        </div>
        {error && <p role="alert">{error}</p>}
        <ul class="conversations" data-testid="conversation-list">
          {page.items.map((c) => (
            <li key={c.id}>
              <a {...linkProps(`${BASE}/conversations/${c.id}`)} aria-current={c.id === selected ? 'true' : undefined} data-testid="conversation-row" data-id={c.id}>
                <span class="row-head">
                  <strong>{c.contactName ?? 'Anonymous'}</strong>
                  <span class={`badge ${c.owner}`} data-testid="conversation-owner">
                    {c.owner === 'human' ? 'human' : 'bot'}
                  </span>
                </span>
                <span class="meta">
                  {c.channel}
                  {c.segment ? ` · ${c.segment}` : ''}
                  {c.score !== null ? ` · score ${c.score}` : ''}
                </span>
                <span class="last">{c.lastMessage ? `${c.lastMessage.from}: ${c.lastMessage.text}` : 'no messages yet'}</span>
              </a>
            </li>
          ))}
        </ul>
        <Pager total={page.total} offset={offset} limit={LIMIT} onChange={setOffset} />
      </section>
      <section aria-label="Transcript" class="detail">
        {selected ? (
          <Transcript key={selected} id={selected} session={session} owner={current?.owner} />
        ) : (
          <p class="hint">Pick a conversation to read it live.</p>
        )}
      </section>
    </div>
  );
}

function Transcript({ id, session, owner: listedOwner }: { id: string; session: Session; owner?: 'bot' | 'human' }) {
  const [messages, setMessages] = useState<LiveMessage[]>([]);
  const [owner, setOwner] = useState<'bot' | 'human' | undefined>(listedOwner);
  const [text, setText] = useState('');
  const [notice, setNotice] = useState('');
  const end = useRef<HTMLLIElement>(null);

  useEffect(() => {
    const feed = liveFeed();
    const onMessage = (m: LiveMessage) => m.conversationId === id && setMessages((list) => (list.some((x) => x.id === m.id) ? list : [...list, m]));
    const onConversation = (c: LiveConversation) => c.id === id && setOwner(c.owner);
    feed.on('message', onMessage);
    feed.on('conversation', onConversation);
    void api<{ items: LiveMessage[] }>(`/api/v1/conversations/${id}/messages`).then((r) => {
      if (!r.ok) return setNotice(errorText(r));
      setMessages((live) => [...r.data.items.map((m) => ({ ...m, at: String(m.at) })), ...live.filter((l) => !r.data.items.some((m) => m.id === l.id))]);
    });
    return () => {
      feed.off('message', onMessage);
      feed.off('conversation', onConversation);
    };
  }, [id]);
  useEffect(() => setOwner((o) => listedOwner ?? o), [listedOwner]);
  useEffect(() => end.current?.scrollIntoView?.({ block: 'nearest' }), [messages.length]);

  const act = async (path: string, body?: unknown) => {
    setNotice('');
    const result = await api<{ owner?: 'bot' | 'human' }>(`/api/v1/conversations/${id}/${path}`, { method: 'POST', body });
    if (!result.ok) return setNotice(errorText(result)), false;
    if (result.data.owner) setOwner(result.data.owner);
    return true;
  };
  const send = async (event: Event) => {
    event.preventDefault();
    if (text.trim() && (await act('reply', { text: text.trim() }))) setText('');
  };

  return (
    <div class="transcript">
      <div class="transcript-head">
        <h2>
          Transcript <span class={`badge ${owner ?? ''}`}>{owner ?? ''}</span>
        </h2>
        <button type="button" class="link" onClick={() => navigate(`${BASE}/conversations`)}>
          Back to the list
        </button>
      </div>
      <ol class="messages" aria-live="polite" data-testid="transcript">
        {messages.map((m) => (
          <li key={m.id} class={`bubble ${m.from}`} data-testid="transcript-message" data-from={m.from}>
            <span class="from">{m.from}</span> {m.text}
          </li>
        ))}
        <li ref={end} aria-hidden="true" class="end" />
      </ol>
      {notice && <p role="alert">{notice}</p>}
      {canAct(session) && (
        <div class="controls" data-testid="takeover-controls">
          {owner === 'human' ? (
            <>
              <form onSubmit={send} class="reply">
                <label for="reply-text">Reply as agent</label>
                <input id="reply-text" value={text} onInput={(e) => setText(e.currentTarget.value)} maxLength={4000} />
                <button type="submit" disabled={!text.trim()}>
                  Send
                </button>
              </form>
              <button type="button" onClick={() => act('hand-back')}>
                Hand back to the bot
              </button>
            </>
          ) : (
            <button type="button" onClick={() => act('take-over')}>
              Take over
            </button>
          )}
        </div>
      )}
    </div>
  );
}
