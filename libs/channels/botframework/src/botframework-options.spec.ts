import type { Logger } from '@nestjs/common';
import { botFrameworkMode, botFrameworkProblem } from './botframework-options';
import { UNAUTHENTICATED_WARNING, UnauthenticatedModeWarning } from './unauthenticated-mode-warning';

describe('Bot Framework modes', () => {
  it('is authenticated with an app id and password, whatever BOTFRAMEWORK_ALLOW_UNAUTHENTICATED says', () => {
    expect(botFrameworkMode({ appId: 'a', appPassword: 'p', allowUnauthenticated: true })).toBe('authenticated');
    expect(botFrameworkProblem({ appId: 'a', appPassword: 'p' })).toBeUndefined();
  });

  it('takes unsigned activities only when asked to and no app id or password is set', () => {
    expect(botFrameworkMode({ allowUnauthenticated: true })).toBe('unauthenticated');
    expect(botFrameworkMode({ appId: 'a', allowUnauthenticated: true })).toBe('off');
    expect(botFrameworkMode({ appPassword: 'p', allowUnauthenticated: true })).toBe('off');
    expect(botFrameworkMode({})).toBe('off');
  });

  it('says what is missing when it is off', () => {
    expect(botFrameworkProblem({ appId: 'a' })).toBe('missing MICROSOFT_APP_PASSWORD');
    expect(botFrameworkProblem({ appPassword: 'p' })).toBe('missing MICROSOFT_APP_ID');
    expect(botFrameworkProblem({})).toMatch(/^missing MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD \(or BOTFRAMEWORK_ALLOW_UNAUTHENTICATED=true/);
  });

  it('warns at boot in emulator mode only', () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as unknown as Logger;
    new UnauthenticatedModeWarning({ allowUnauthenticated: true }, logger).onModuleInit();
    new UnauthenticatedModeWarning({ appId: 'a', appPassword: 'p', allowUnauthenticated: true }, logger).onModuleInit();
    new UnauthenticatedModeWarning({}, logger).onModuleInit();
    expect(warnings).toEqual([UNAUTHENTICATED_WARNING]);
  });
});
