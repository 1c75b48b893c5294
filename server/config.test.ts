import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs on the simulator when neither UNIPILE_DSN nor UNIPILE_API_KEY is set', () => {
    const config = loadConfig({});
    expect(config.simulator).toEqual({ chats: 5_000, latencyMs: 0, faultRate: 0, seed: 42, dialects: ['unipile'] });
    expect(config.backends).toEqual([]);
    expect(config).toMatchObject({ host: '127.0.0.1', port: 5173, upstreamTimeoutMs: 30_000, staticDir: null, logRequests: false });
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ UNIPILE_DSN: '  ', UNIPILE_API_KEY: '', PORT: '' }).simulator).not.toBeNull();
  });

  it('uses Unipile when both are set, keeping only the origin of the DSN', () => {
    const config = loadConfig({ UNIPILE_DSN: 'https://api8.unipile.com:13851/', UNIPILE_API_KEY: 'k' });
    expect(config.backends).toEqual([{ kind: 'unipile', dsn: 'https://api8.unipile.com:13851', host: 'api8.unipile.com:13851', apiKey: 'k' }]);
    expect(config.simulator).toBeNull();
  });

  it.each([
    [{ UNIPILE_DSN: 'https://api8.unipile.com:13851' }, 'UNIPILE_API_KEY'],
    [{ UNIPILE_API_KEY: 'k' }, 'UNIPILE_DSN'],
  ])('refuses only one of the pair (%j), naming the missing one', (env, missing) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${missing} is not`));
  });

  it.each([
    [{ PORT: 'http' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ UPSTREAM_TIMEOUT_MS: '0' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ UPSTREAM_TIMEOUT_MS: '1.5' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ SIMULATOR_CHATS: 'lots' }, 'SIMULATOR_CHATS'],
    [{ SIMULATOR_CHATS: '2000000' }, 'SIMULATOR_CHATS'],
    [{ SIMULATOR_LATENCY_MS: '-5' }, 'SIMULATOR_LATENCY_MS'],
    [{ SIMULATOR_SEED: 'x' }, 'SIMULATOR_SEED'],
    [{ SIMULATOR_FAULT_RATE: '1.5' }, 'SIMULATOR_FAULT_RATE'],
    [{ SIMULATOR_FAULT_RATE: 'often' }, 'SIMULATOR_FAULT_RATE'],
    [{ LOG_REQUESTS: 'yes' }, 'LOG_REQUESTS'],
    [{ UNIPILE_DSN: 'api8.unipile.com:13851', UNIPILE_API_KEY: 'k' }, 'UNIPILE_DSN'],
    [{ UNIPILE_DSN: 'ftp://api8.unipile.com', UNIPILE_API_KEY: 'k' }, 'UNIPILE_DSN'],
    [{ UNIPILE_DSN: 'https://api8.unipile.com:13851/api/v1', UNIPILE_API_KEY: 'k' }, 'UNIPILE_DSN'],
    [{ UNIPILE_DSN: 'https://user:pw@api8.unipile.com', UNIPILE_API_KEY: 'k' }, 'UNIPILE_DSN'],
  ])('names the bad variable: %j', (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(variable);
  });

  it('never puts the API key in an error message', () => {
    expect(() => loadConfig({ UNIPILE_API_KEY: 'super-secret-key' })).toThrow(ConfigError);
    try {
      loadConfig({ UNIPILE_API_KEY: 'super-secret-key', UNIPILE_DSN: 'nope' });
    } catch (error) {
      expect((error as Error).message).not.toContain('super-secret-key');
    }
  });

  it('reads the rest', () => {
    const config = loadConfig(
      { HOST: '0.0.0.0', DASHBOARD_TOKEN: 'a'.repeat(32), PORT: '0', UPSTREAM_TIMEOUT_MS: '500', SIMULATOR_CHATS: '20000', SIMULATOR_SEED: '7', SIMULATOR_FAULT_RATE: '0.1', LOG_REQUESTS: '1', TRIAGE_STATIC_DIR: '/srv/triage' },
      { staticDir: '/ignored' },
    );
    expect(config).toMatchObject({ host: '0.0.0.0', port: 0, upstreamTimeoutMs: 500, staticDir: '/srv/triage', logRequests: true });
    expect(config.simulator).toMatchObject({ chats: 20_000, seed: 7, faultRate: 0.1 });
    expect(loadConfig({}, { staticDir: '/from/default' }).staticDir).toBe('/from/default');
  });

  it('reads the hardening knobs, with their defaults', () => {
    expect(loadConfig({})).toMatchObject({
      dashboardToken: null, allowedHosts: [], trustProxy: false, maxUploadBytes: 25 * 1024 * 1024, upstreamConcurrency: 8, upstreamQueueLimit: 1_000,
    });
    const config = loadConfig({
      HOST: '::', DASHBOARD_TOKEN: ` ${'t'.repeat(40)} `, ALLOWED_HOSTS: 'Inbox.example.com, triage.internal ,', TRUST_PROXY: 'true',
      MAX_UPLOAD_MB: '5', UPSTREAM_CONCURRENCY: '2', UPSTREAM_QUEUE_LIMIT: '0',
    });
    expect(config).toMatchObject({
      dashboardToken: 't'.repeat(40), allowedHosts: ['inbox.example.com', 'triage.internal'], trustProxy: true,
      maxUploadBytes: 5 * 1024 * 1024, upstreamConcurrency: 2, upstreamQueueLimit: 0,
    });
  });

  it.each(['0.0.0.0', '::', '192.168.1.20', 'triage.example.com'])('refuses to bind %s without a DASHBOARD_TOKEN, saying why', (host) => {
    expect(() => loadConfig({ HOST: host })).toThrow(/DASHBOARD_TOKEN/);
  });

  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1'])('binds loopback %s without a token', (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it.each([
    [{ DASHBOARD_TOKEN: 'short' }, 'DASHBOARD_TOKEN'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ MAX_UPLOAD_MB: '0' }, 'MAX_UPLOAD_MB'],
    [{ UPSTREAM_CONCURRENCY: '0' }, 'UPSTREAM_CONCURRENCY'],
  ])('names the bad hardening variable: %j', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(variable));
  });

  it('never echoes a short dashboard token in its error', () => {
    expect(() => loadConfig({ DASHBOARD_TOKEN: 'hunter2-secret' })).toThrow(ConfigError);
    try {
      loadConfig({ DASHBOARD_TOKEN: 'hunter2-secret' });
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });

  describe('more backends', () => {
    it('postpress with its default base, or the /api/v1 form its example shows', () => {
      expect(loadConfig({ POSTPRESS_API_KEY: 'pp' }).backends).toEqual([{ kind: 'postpress', apiKey: 'pp', apiRoot: 'https://api.postpress.ai/v1', host: 'api.postpress.ai' }]);
      expect(loadConfig({ POSTPRESS_API_KEY: 'pp', POSTPRESS_BASE_URL: 'https://api.postpress.ai/api/v1/' }).backends[0]).toMatchObject({ apiRoot: 'https://api.postpress.ai/api/v1' });
    });

    it('Periskope with its default base and an optional phone scope', () => {
      expect(loadConfig({ PERISKOPE_API_KEY: 'pk' }).backends).toEqual([{ kind: 'periskope', apiKey: 'pk', apiRoot: 'https://api.periskope.app/v1', host: 'api.periskope.app', phone: null }]);
      expect(loadConfig({ PERISKOPE_API_KEY: 'pk', PERISKOPE_PHONE: '919876543210' }).backends[0]).toMatchObject({ phone: '919876543210' });
      expect(loadConfig({ PERISKOPE_API_KEY: 'pk', PERISKOPE_PHONE: 'phone-bqzvyibhmwkaergr' }).backends[0]).toMatchObject({ phone: 'phone-bqzvyibhmwkaergr' });
    });

    it('all three at once, in a fixed order (Unipile, postpress, Periskope)', () => {
      const config = loadConfig({ PERISKOPE_API_KEY: 'pk', UNIPILE_DSN: 'https://api1.unipile.com:13111', UNIPILE_API_KEY: 'uk', POSTPRESS_API_KEY: 'pp' });
      expect(config.backends.map((b) => b.kind)).toEqual(['unipile', 'postpress', 'periskope']);
      expect(config.simulator).toBeNull();
      expect(config.webhookSecret).toBeNull();
    });

    it.each([
      [{ POSTPRESS_BASE_URL: 'https://api.postpress.ai/v1' }, 'POSTPRESS_API_KEY'],
      [{ PERISKOPE_PHONE: '919876543210' }, 'PERISKOPE_API_KEY'],
      [{ PERISKOPE_API_KEY: 'pk', PERISKOPE_PHONE: '+91 98765 43210' }, 'PERISKOPE_PHONE'],
      [{ POSTPRESS_API_KEY: 'pp', POSTPRESS_BASE_URL: 'https://api.postpress.ai/v1/chats' }, 'excluding /chats'],
      [{ PERISKOPE_API_KEY: 'pk', PERISKOPE_BASE_URL: 'ftp://x' }, 'PERISKOPE_BASE_URL'],
      [{ SIMULATOR_BACKENDS: 'unipile,whatsapp' }, 'SIMULATOR_BACKENDS'],
      [{ PERISKOPE_API_KEY: 'pk', SIMULATOR_BACKENDS: 'periskope' }, 'only applies to the embedded simulator'],
    ])('refuses %o with a message naming %s', (env, words) => {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(words);
    });

    it('SIMULATOR_BACKENDS picks the simulated dialects (deduplicated, any case)', () => {
      expect(loadConfig({ SIMULATOR_BACKENDS: 'Unipile, periskope,unipile' }).simulator?.dialects).toEqual(['unipile', 'periskope']);
      expect(loadConfig({ SIMULATOR_BACKENDS: 'postpress' }).simulator?.dialects).toEqual(['postpress']);
    });
  });
});
