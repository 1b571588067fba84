import { useState } from 'preact/hooks';
import { api, errorText, type Session } from '../api';

export function LoginPage({ onLogin }: { onLogin: (session: Session) => void }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    const result = await api<Session>('/dashboard/login', { method: 'POST', body: { key: key.trim() } });
    setBusy(false);
    if (result.ok) onLogin(result.data);
    else setError(result.status === 401 ? 'That API key is unknown or revoked.' : errorText(result));
  };

  return (
    <main class="login">
      <form onSubmit={submit} aria-describedby="login-help">
        <h1>Parley dashboard</h1>
        <p id="login-help">Log in with an API key (from `parley apikey create`). The key is exchanged for a session; it is not kept in the browser.</p>
        <label for="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" required value={key} onInput={(e) => setKey(e.currentTarget.value)} />
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || !key.trim()}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
