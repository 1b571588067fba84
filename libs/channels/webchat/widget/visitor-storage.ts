const KEY = 'parley.visitorId';
/** The server's visitorId rule; a tampered value would otherwise get every hello refused. */
const VALID = /^[A-Za-z0-9_-]{8,64}$/;

// localStorage throws in sandboxed iframes and with storage blocked; the chat still works, it just won't resume.
export function loadVisitorId(): string | undefined {
  try {
    const value = window.localStorage.getItem(KEY);
    return value && VALID.test(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveVisitorId(visitorId: string): void {
  try {
    window.localStorage.setItem(KEY, visitorId);
  } catch {
    /* storage unavailable: see loadVisitorId */
  }
}

export function newClientMessageId(): string {
  const crypto = window.crypto;
  if (crypto && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; host pages served over plain http still need unique ids.
  if (crypto && typeof crypto.getRandomValues === 'function') {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
