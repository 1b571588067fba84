import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const lib = (name) => `@parley/${name}`;
const DOMAIN = ['nlu', 'flows', 'consent', 'scoring'];
const CHANNELS = ['channels-webchat', 'channels-sms', 'channels-voice', 'channels-botframework', 'channels-slack'];
const ALL = ['core', 'config', 'engine', ...DOMAIN, 'followup', 'persistence', 'testing', ...CHANNELS];
const VENDOR_SDKS = ['typeorm', 'better-sqlite3', 'pg', 'ioredis', 'bullmq', 'twilio', '@slack/bolt', 'botbuilder', 'socket.io', 'nodemailer'];

function restriction(forbiddenLibs, extra) {
  return [
    'error',
    {
      patterns: [
        { group: ['**/libs/**', '../../*'], message: 'Import other libs through their @parley/<lib> alias.' },
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
    rules: {
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
  ...zone(['libs/persistence/**/*.ts'], ['followup', 'testing', ...CHANNELS]),
  ...zone(['libs/followup/**/*.ts'], ['persistence', 'testing', ...CHANNELS]),
  ...zone(['libs/config/**/*.ts'], ALL.filter((l) => l !== 'config')),
);
