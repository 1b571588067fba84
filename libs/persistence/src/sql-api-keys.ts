import { newId } from '@parley/core';
import { createHash, randomBytes } from 'node:crypto';
import type { SqlDatabase } from './sql/sql-database';

export const API_ROLES = ['admin', 'marketer', 'sales', 'readonly'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface ApiKeyIdentity {
  id: string;
  name: string;
  role: ApiRole;
  prefix: string;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Keys are 256-bit random secrets, so a fast hash is enough: there is nothing to brute-force from a dictionary. */
export class SqlApiKeys {
  constructor(private readonly db: SqlDatabase) {}

  async create(name: string, role: ApiRole, at: Date): Promise<{ key: string; identity: ApiKeyIdentity }> {
    const secret = randomBytes(32).toString('base64url');
    const key = `pk_${secret}`;
    const identity = { id: newId(), name, role, prefix: key.slice(0, 10) };
    await this.db.run(
      'INSERT INTO api_keys (id, name, role, key_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [identity.id, name, role, hashApiKey(key), identity.prefix, at.toISOString()],
    );
    return { key, identity };
  }

  async find(key: string): Promise<ApiKeyIdentity | undefined> {
    return this.db.get<ApiKeyIdentity>(
      'SELECT id, name, role, prefix FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL',
      [hashApiKey(key)],
    );
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    return (await this.db.run('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at.toISOString(), id])) > 0;
  }

  async list(): Promise<(ApiKeyIdentity & { createdAt: string; revokedAt: string | null })[]> {
    return this.db.all('SELECT id, name, role, prefix, created_at AS "createdAt", revoked_at AS "revokedAt" FROM api_keys ORDER BY created_at');
  }
}
