import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import { fetchAppConfig, readAppConfig } from './app-config';
import { describeError, setDefaultBackendLabel } from './error-messages';

const periskope = { kind: 'periskope', label: 'Periskope', host: 'api.periskope.app', simulated: false };
const unipileSim = { kind: 'unipile', label: 'Unipile', host: 'embedded simulator', simulated: true };

describe('readAppConfig', () => {
  it('reads every backend the server names, keeping `backend` for its readers', () => {
    const config = readAppConfig({ backend: { kind: 'merged', host: '' }, backends: [unipileSim, periskope], version: '1', auth: { required: true } });
    expect(config).toEqual({ backend: { kind: 'merged', host: '' }, backends: [unipileSim, periskope], auth: { required: true } });
  });

  it('derives the one backend of an older server: the simulator is Unipile, simulated', () => {
    expect(readAppConfig({ backend: { kind: 'simulator', host: '' } }).backends).toEqual([unipileSim]);
    expect(readAppConfig({ backend: { kind: 'unipile', host: 'api8.unipile.com:13851' } }).backends).toEqual([
      { kind: 'unipile', label: 'Unipile', host: 'api8.unipile.com:13851', simulated: false },
    ]);
    expect(readAppConfig({ backend: { kind: 'postpress', host: 'api.postpress.ai' }, backends: 'nonsense' }).backends).toEqual([
      { kind: 'postpress', label: 'postpress', host: 'api.postpress.ai', simulated: false },
    ]);
    // A merge cannot be told apart without the list: no backend is guessed.
    expect(readAppConfig({ backend: { kind: 'merged', host: '' } }).backends).toEqual([]);
  });

  it('drops malformed or repeated entries, fills a missing label and host, and falls back when none is left', () => {
    const config = readAppConfig({
      backend: { kind: 'merged', host: '' },
      backends: [{ kind: 'periskope', label: ' ', host: 7 }, { kind: 'periskope', label: 'Again' }, { kind: 'whatsapp-web' }, null, { kind: 'unipile', simulated: true }],
    });
    expect(config.backends).toEqual([
      { kind: 'periskope', label: 'Periskope', host: '', simulated: false },
      { kind: 'unipile', label: 'Unipile', host: 'embedded simulator', simulated: true },
    ]);
    expect(readAppConfig({ backend: { kind: 'simulator', host: '' }, backends: [{ kind: 'nobody' }] }).backends).toEqual([unipileSim]);
  });

  it('still refuses an answer without a known backend kind', () => {
    expect(() => readAppConfig({ backends: [periskope] })).toThrow(ApiError);
    expect(() => readAppConfig({ backend: { kind: 'pigeon', host: '' } })).toThrow(ApiError);
  });
});

describe('fetchAppConfig', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setDefaultBackendLabel('Unipile');
  });

  const serve = (body: unknown) => vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })));
  const timeout = () => describeError(new ApiError({ status: 504, type: 'errors/request_timeout', title: 'Timeout' })).message;

  it('makes error words name the only backend, or none of several', async () => {
    serve({ backend: { kind: 'periskope', host: 'api.periskope.app' }, backends: [periskope] });
    await fetchAppConfig();
    expect(timeout()).toBe('Periskope took too long to answer. Try again in a moment.');

    serve({ backend: { kind: 'merged', host: '' }, backends: [unipileSim, periskope] });
    await fetchAppConfig();
    expect(timeout()).toBe('The messaging API took too long to answer. Try again in a moment.');
  });
});
