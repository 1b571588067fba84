import js from '@eslint/js';
import { dirname, relative, resolve } from 'node:path';
import tseslint from 'typescript-eslint';

/** The top folder a file belongs to: libs/<name>, libs/channels/<name>, apps/<name>, or the first segment. */
function unitOf(file) {
  const parts = relative(import.meta.dirname, file).split(/[\\/]/);
  if (parts[0] === 'libs' && parts[1] === 'channels') return parts.slice(0, 3).join('/');
  if (parts[0] === 'libs' || parts[0] === 'apps') return parts.slice(0, 2).join('/');
  return parts[0];
}

/** Relative imports may not leave their lib or app: other libs are reached through @parley/<lib>. */
const parley = {
  rules: {
    'no-relative-cross-lib': {
      meta: { type: 'problem', messages: { cross: 'Import {{target}} through its @parley/<lib> alias, not a relative path.' } },
      create(context) {
        const check = (node) => {
          const source = node.source?.value;
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const from = unitOf(context.filename);
          if (!from.startsWith('libs/')) return;
          const target = unitOf(resolve(dirname(context.filename), source));
          if (target !== from) context.report({ node: node.source, messageId: 'cross', data: { target } });
        };
        return { ImportDeclaration: check, ExportAllDeclaration: check, ExportNamedDeclaration: check };
      },
    },
  },
};

const lib = (name) => `@parley/${name}`;
const DOMAIN = ['nlu', 'flows', 'consent', 'scoring'];
const CHANNELS = ['channels-webchat', 'channels-sms', 'channels-voice', 'channels-botframework', 'channels-slack'];
const ALL = ['core', 'config', 'engine', ...DOMAIN, 'followup', 'persistence', 'testing', 'twilio-webhooks', ...CHANNELS];
const VENDOR_SDKS = ['typeorm', 'better-sqlite3', 'pg', 'ioredis', 'bullmq', 'twilio', '@slack/bolt', 'botbuilder', 'socket.io', 'nodemailer'];

function restriction(forbiddenLibs, extra) {
  return [
    'error',
    {
      patterns: [
        { group: ['**/libs/**'], message: 'Import other libs through their @parley/<lib> alias.' },
        ...(forbiddenLibs.length ? [{ group: forbiddenLibs.map(lib), message: 'ARCHITECTURE.md dependency rules forbid this import.' }] : []),
        ...(extra.length ? [{ group: extra, message: 'Vendor SDKs and drivers stay out of this layer.' }] : []),
      ],
    },
  ];
}

/** Import zones of ARCHITECTURE.md: each entry says what a folder may not import; its specs may also use @parley/testing. */
function zone(files, forbiddenLibs, extra = []) {
  return [
    { files, ignores: ['**/*.spec.ts'], rules: { 'no-restricted-imports': restriction(forbiddenLibs, extra) } },
    {
      files: files.map((f) => f.replace(/\*\.ts$/, '*.spec.ts')),
      rules: { 'no-restricted-imports': restriction(forbiddenLibs.filter((l) => l !== 'testing'), []) },
    },
  ];
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**', 'test/artifacts/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { parley },
    rules: {
      'parley/no-relative-cross-lib': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': 'off',
    },
  },
  ...zone(['libs/core/**/*.ts'], ALL.filter((l) => l !== 'core'), VENDOR_SDKS),
  ...DOMAIN.flatMap((name) => zone([`libs/${name}/**/*.ts`], ALL.filter((l) => l !== 'core' && l !== name), VENDOR_SDKS)),
  ...zone(['libs/engine/**/*.ts'], ['persistence', 'followup', 'testing', 'config', ...CHANNELS], VENDOR_SDKS),
  ...CHANNELS.flatMap((name) =>
    zone(
      [`libs/channels/${name.replace('channels-', '')}/**/*.ts`],
      ['persistence', 'followup', 'nlu', 'scoring', 'consent', ...CHANNELS.filter((c) => c !== name)],
    ),
  ),
  ...zone(['libs/persistence/**/*.ts'], ['testing', ...CHANNELS]),
  ...zone(['libs/followup/**/*.ts'], ['persistence', 'testing', ...CHANNELS]),
  ...zone(['libs/config/**/*.ts'], ALL.filter((l) => l !== 'config')),
  ...zone(['libs/twilio-webhooks/**/*.ts'], ALL.filter((l) => l !== 'core' && l !== 'twilio-webhooks')),
);
