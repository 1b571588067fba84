import { useEffect, useState } from 'preact/hooks';
import { api, whenUnauthorized, type Session } from './api';
import { closeLiveFeed } from './live';
import { BASE, linkProps, navigate, usePath } from './router';
import { CampaignsPage } from './pages/campaigns';
import { ConsentPage } from './pages/consent';
import { ConversationsPage } from './pages/conversations';
import { FlowsPage } from './pages/flows';
import { FunnelPage } from './pages/funnel';
import { LeadPage } from './pages/lead';
import { LeadsPage } from './pages/leads';
import { LoginPage } from './pages/login';

const NAV = [
  ['conversations', 'Conversations'],
  ['leads', 'Leads'],
  ['funnel', 'Funnel'],
  ['flows', 'Flows'],
  ['campaigns', 'Campaigns'],
  ['consent', 'Consent'],
] as const;

function Page({ path, session }: { path: string; session: Session }) {
  const [, section = 'conversations', id] = path.slice(BASE.length).split('/');
  if (section === 'leads' && id) return <LeadPage id={decodeURIComponent(id)} />;
  if (section === 'leads') return <LeadsPage />;
  if (section === 'funnel') return <FunnelPage session={session} />;
  if (section === 'flows') return <FlowsPage />;
  if (section === 'campaigns') return <CampaignsPage session={session} />;
  if (section === 'consent') return <ConsentPage session={session} />;
  return <ConversationsPage session={session} selected={id ? decodeURIComponent(id) : undefined} />;
}

export function App() {
  const path = usePath();
  const [session, setSession] = useState<Session | null | undefined>(undefined);

  useEffect(() => {
    whenUnauthorized(() => setSession(null));
    void api<Session>('/dashboard/session').then((r) => setSession(r.ok ? r.data : null));
  }, []);

  if (session === undefined) return <p class="loading">Loading…</p>;
  // A deep link (a lead, a conversation) survives the login; the bare /dashboard opens the conversations.
  if (session === null) return <LoginPage onLogin={(s) => (setSession(s), path.replace(/\/$/, '') === BASE && navigate(`${BASE}/conversations`))} />;

  const logout = async () => {
    await api('/dashboard/logout', { method: 'POST' });
    closeLiveFeed();
    setSession(null);
  };
  const section = path.slice(BASE.length).split('/')[1] || 'conversations';
  return (
    <div class="shell">
      <header class="top">
        <strong class="brand">Parley</strong>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([slug, label]) => (
              <li key={slug}>
                <a {...linkProps(`${BASE}/${slug}`)} aria-current={section === slug ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <span class="who" data-testid="session-role">
          {session.name} · {session.role}
        </span>
        <button type="button" onClick={logout}>
          Log out
        </button>
      </header>
      <main id="main">
        <Page path={path} session={session} />
      </main>
    </div>
  );
}
