import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, isLocalMode, loadConfig } from '../src/config';

const ROOT = join(__dirname, '..');

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
  return [];
}

describe('settings', () => {
  it('need nothing at all to run locally', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.sqlitePath).toBe('./data/bot.sqlite');
    expect(config.quickExitUrl).toBe('https://www.bbc.co.uk/weather');
    expect(config.directLineTokenTtlSeconds).toBe(1800);
    expect(isLocalMode(config)).toBe(true);
  });

  it('are frozen, so nothing changes them after start-up', () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });

  it('reject a port that is not a number, naming the setting, the value and the fix', () => {
    expect(problemsFor({ PORT: '39a8' })).toEqual([
      'PORT must be a whole number from 0 to 65535 (found "39a8"). Fix it in .env, or delete it to use 3978.',
    ]);
  });

  it('list every problem at once, not just the first', () => {
    expect(problemsFor({ PORT: '70000', QUICK_EXIT_URL: 'http://example.com', MicrosoftAppType: 'Mystery' })).toHaveLength(3);
  });

  it('refuse a Quick Exit address that is not https', () => {
    expect(problemsFor({ QUICK_EXIT_URL: 'javascript:alert(1)' })[0]).toMatch(/^QUICK_EXIT_URL must be a full https:\/\/ address/);
  });

  it('need the app password whenever an app id is set', () => {
    expect(problemsFor({ MicrosoftAppId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301' })[0]).toMatch(/^MicrosoftAppPassword is empty/);
  });

  it('need a tenant for a single-tenant bot', () => {
    const problems = problemsFor({ MicrosoftAppType: 'SingleTenant', MicrosoftAppId: '3f2504e0-4f89-11d3-9a0c-0305e82c3301', MicrosoftAppPassword: 'x' });
    expect(problems[0]).toMatch(/^MicrosoftAppTenantId is needed/);
  });

  it('refuse an app id that is not a GUID', () => {
    expect(problemsFor({ MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 'x' })[0]).toMatch(/^MicrosoftAppId must be a GUID/);
  });

  it('in production insist on a token signing secret, and never echo a secret back', () => {
    expect(problemsFor({ NODE_ENV: 'production', ALLOW_LOCAL_MODE_IN_PRODUCTION: 'true' })[0]).toMatch(/^DIRECTLINE_TOKEN_SECRET is required in production/);
    const problems = problemsFor({ DIRECTLINE_TOKEN_SECRET: 'short-secret-value' });
    expect(problems[0]).toMatch(/at least 32 characters \(found 18\)/);
    expect(problems.join()).not.toContain('short-secret-value');
  });

  it('listen on every interface in production (App Service) and only locally otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'production', DIRECTLINE_TOKEN_SECRET: 'x'.repeat(32), ALLOW_LOCAL_MODE_IN_PRODUCTION: 'true' }).host).toBe('0.0.0.0');
  });

  it('in production refuse local mode (no Bot Framework auth) unless it is explicitly allowed, and say why', () => {
    const problems = problemsFor({ NODE_ENV: 'production', DIRECTLINE_TOKEN_SECRET: 'x'.repeat(32) });
    expect(problems).toEqual([expect.stringMatching(/^NODE_ENV is production but MicrosoftAppId is empty, so \/api\/messages would accept unsigned requests/)]);
    const azure = { MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' };
    expect(problemsFor({ NODE_ENV: 'production', DIRECT_LINE_SECRET: 'dl-secret', ...azure })).toEqual([]);
    expect(problemsFor({ NODE_ENV: 'production', DIRECTLINE_TOKEN_SECRET: 'x'.repeat(32), ALLOW_LOCAL_MODE_IN_PRODUCTION: 'yes' })[0]).toMatch(/must be "true" or "false"/);
  });
});

describe('Microsoft Entra ID sign-in settings', () => {
  const entra = {
    ENTRA_TENANT_ID: '11111111-2222-3333-4444-555555555555',
    ENTRA_CLIENT_ID: '66666666-7777-8888-9999-000000000000',
    ENTRA_CLIENT_SECRET: 'the-client-secret-value',
    PUBLIC_BASE_URL: 'https://advice.example.org.uk/',
  };

  it('are off when none is set, and on with the default authority when all four are', () => {
    expect(loadConfig({}).entraSignIn).toBeUndefined();
    expect(loadConfig(entra).entraSignIn).toEqual({
      tenantId: entra.ENTRA_TENANT_ID,
      clientId: entra.ENTRA_CLIENT_ID,
      clientSecret: entra.ENTRA_CLIENT_SECRET,
      publicBaseUrl: 'https://advice.example.org.uk',
      authority: 'https://login.microsoftonline.com',
    });
  });

  it('name what is missing when only some are set, without printing the secret', () => {
    const problems = problemsFor({ ENTRA_CLIENT_SECRET: entra.ENTRA_CLIENT_SECRET });
    expect(problems).toEqual([expect.stringMatching(/ENTRA_TENANT_ID, ENTRA_CLIENT_ID, PUBLIC_BASE_URL are empty/)]);
    expect(problems.join()).not.toContain(entra.ENTRA_CLIENT_SECRET);
  });

  it('refuse ids that are not GUIDs and a public address that is not https', () => {
    const problems = problemsFor({ ...entra, ENTRA_TENANT_ID: 'contoso.onmicrosoft.com', PUBLIC_BASE_URL: 'http://advice.example.org.uk' });
    expect(problems).toEqual([expect.stringMatching(/^ENTRA_TENANT_ID must be the GUID/), expect.stringMatching(/^PUBLIC_BASE_URL must be a full https/)]);
    expect(problemsFor({ ...entra, PUBLIC_BASE_URL: 'http://127.0.0.1:3978' })).toEqual([]);
  });
});

describe('every setting is documented', () => {
  const source = readFileSync(join(ROOT, 'src', 'config.ts'), 'utf8');
  const names = [...source.matchAll(/(?:text|wholeNumber|httpsUrl)\('([A-Za-z_]+)'/g)].map((m) => m[1]);
  const unique = [...new Set(names)];

  it('reads at least the Bot Framework standard names', () => {
    expect(unique).toEqual(expect.arrayContaining(['MicrosoftAppType', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'PORT']));
  });

  it.each(unique)('%s is in .env.example and in the README settings table', (name) => {
    expect(readFileSync(join(ROOT, '.env.example'), 'utf8')).toMatch(new RegExp(`^${name}=`, 'm'));
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
  });
});
