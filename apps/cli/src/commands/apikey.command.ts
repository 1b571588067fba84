import type { Command } from 'commander';
import { API_ROLES, SqlApiKeys, SqlAuditLog, type ApiRole } from '@parley/persistence';
import { withDatabase } from '../cli-database';

export function registerApikeyCommands(program: Command): void {
  const apikey = program.command('apikey').description('admin API keys (stored hashed; a key is shown once)');
  apikey
    .command('create')
    .description('create a key; prints it once')
    .requiredOption('--role <role>', `one of ${API_ROLES.join(', ')}`)
    .option('--name <name>', 'who or what uses it', 'cli')
    .action(async (options: { role: string; name: string }) => {
      if (!API_ROLES.includes(options.role as ApiRole)) throw new Error(`--role must be one of ${API_ROLES.join(', ')}`);
      await withDatabase(async (sql) => {
        const { key, identity } = await new SqlApiKeys(sql).create(options.name, options.role as ApiRole, new Date());
        await new SqlAuditLog(sql).record({ actor: 'cli', action: 'apikey.create', target: identity.id, details: { role: identity.role, name: identity.name } }, new Date());
        console.error(`created ${identity.role} key ${identity.prefix}… (${identity.id}); store it now, it is not shown again:`);
        console.log(key);
      });
    });
  apikey
    .command('list')
    .description('list keys (never the secrets)')
    .action(() =>
      withDatabase(async (sql) => {
        for (const k of await new SqlApiKeys(sql).list()) {
          console.log(`${k.id}  ${k.prefix}…  ${k.role.padEnd(8)}  ${k.name}${k.revokedAt ? '  (revoked)' : ''}`);
        }
      }),
    );
  apikey
    .command('revoke')
    .argument('<id>', 'the key id')
    .action((id: string) =>
      withDatabase(async (sql) => {
        if (!(await new SqlApiKeys(sql).revoke(id, new Date()))) throw new Error(`no active key ${id}`);
        await new SqlAuditLog(sql).record({ actor: 'cli', action: 'apikey.revoke', target: id }, new Date());
        console.log(`revoked ${id}`);
      }),
    );
}
