import { randomBytes } from 'node:crypto';
import { hashApiKey, type ApiKeyIdentity } from './sql-api-keys';
import type { SqlDatabase } from './sql/sql-database';

/**
 * Dashboard sessions: a random 256-bit id in the browser's cookie, its hash here with the API key it stands for.
 * The key's revocation ends its sessions, because every lookup joins the live (unrevoked) key.
 */
export class SqlDashboardSessions {
  constructor(private readonly db: SqlDatabase) {}

  async create(apiKeyId: string, at: Date, ttlMs: number): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(at.getTime() + ttlMs);
    await this.db.run('DELETE FROM dashboard_sessions WHERE expires_at < ?', [at.toISOString()]);
    await this.db.run('INSERT INTO dashboard_sessions (id_hash, api_key_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
      hashApiKey(token),
      apiKeyId,
      at.toISOString(),
      expiresAt.toISOString(),
    ]);
    return { token, expiresAt };
  }

  async find(token: string, at: Date): Promise<ApiKeyIdentity | undefined> {
    return this.db.get<ApiKeyIdentity>(
      `SELECT k.id, k.name, k.role, k.prefix FROM dashboard_sessions s JOIN api_keys k ON k.id = s.api_key_id
       WHERE s.id_hash = ? AND s.expires_at > ? AND k.revoked_at IS NULL`,
      [hashApiKey(token), at.toISOString()],
    );
  }

  async end(token: string): Promise<void> {
    await this.db.run('DELETE FROM dashboard_sessions WHERE id_hash = ?', [hashApiKey(token)]);
  }
}
