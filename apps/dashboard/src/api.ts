/** The admin API, called with the session cookie and the header that proves the call comes from this app. */
export interface ApiResult<T> {
  ok: boolean;
  status: number;
  data: T;
}

export type Role = 'admin' | 'marketer' | 'sales' | 'readonly';
export interface Session {
  name: string;
  role: Role;
}

let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<ApiResult<T>> {
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: { 'x-parley-dashboard': '1', ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });
  const type = response.headers.get('content-type') ?? '';
  const data = (type.includes('json') ? await response.json() : await response.text()) as T;
  if (response.status === 401 && !path.startsWith('/dashboard/')) onUnauthorized();
  return { ok: response.ok, status: response.status, data };
}

export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function errorText(result: ApiResult<unknown>): string {
  const data = result.data as { message?: unknown } | string;
  if (typeof data === 'object' && data && 'message' in data) return String(data.message);
  return `request failed (${result.status})`;
}

export const canAct = (session: Session | null) => !!session && session.role !== 'readonly';
