import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_MODULES } from '../src/server/app.js';
import { newDemoUnit, signIn, testApp, type Client, type TestContext } from './helpers.js';

let ctx: TestContext;
let webDir: string;
let member: Client;

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuofeng-web-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>作风</title>');
  fs.writeFileSync(path.join(webDir, 'opinion.html'), '<!doctype html><title>征求意见</title>');
  fs.mkdirSync(path.join(webDir, 'assets'));
  fs.writeFileSync(path.join(webDir, 'assets', 'index-3f9a2c.js'), 'console.log(1)');
  ctx = await testApp({ webDir });
  member = await signIn(ctx, (await newDemoUnit(ctx)).user('member1'));
});

describe('the application', () => {
  it('answers /api/health with {"status":"ok"}', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"status":"ok"}');
  });

  it('lists every route of every module in /api/docs/json, and serves the browsable docs', async () => {
    const registered: string[] = [];
    const probe = Fastify();
    probe.setValidatorCompiler(validatorCompiler);
    probe.setSerializerCompiler(serializerCompiler);
    probe.addHook('onRoute', (r) => {
      for (const m of [r.method].flat())
        if (m !== 'HEAD') registered.push(`${m} /api${r.url.replace(/:(\w+)/g, '{$1}')}`);
    });
    await probe.register(async (api) => {
      for (const mod of ROUTE_MODULES)
        await api.register(async (scope) => mod(scope, { db: ctx.database.db, clock: ctx.clock, config: ctx.config }));
    });
    await probe.ready();
    const doc = (await member.get('/api/docs/json')).json();
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.sort()).toEqual(registered.sort());
    const ui = await member.get('/api/docs');
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('shows the API docs to signed-in users only, unless ZUOFENG_PUBLIC_API_DOCS=1 publishes them', async () => {
    for (const url of ['/api/docs', '/api/docs/json', '/api/docs/static/index.html']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect([res.statusCode, res.json().code], url).toEqual([401, 'unauthenticated']);
    }
    expect((await member.get('/api/docs/json')).json().paths['/api/people']).toBeDefined();
    const open = await testApp({ publicApiDocs: true });
    const res = await open.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/people']).toBeDefined();
  });

  it('sends HSTS over HTTPS only, and believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const proxied = await testApp({ trustProxy: ['127.0.0.1'] });
    const https = await proxied.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000');
    const http = await proxied.app.inject({ method: 'GET', url: '/api/health' });
    expect(http.headers['strict-transport-security']).toBeUndefined();
    const untrusted = await ctx.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(untrusted.headers['strict-transport-security']).toBeUndefined();
    const otherPeer = await proxied.app.inject({
      method: 'GET',
      url: '/api/health',
      remoteAddress: '203.0.113.5',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(otherPeer.headers['strict-transport-security']).toBeUndefined();
  });

  it('has browsers revalidate the pages every time and keep the hashed assets for a year', async () => {
    for (const url of ['/', '/index.html', '/roster', '/o/AAAAAAAAAAAAAAAAAAAA']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect([res.statusCode, res.headers['cache-control']], url).toEqual([200, 'no-cache']);
    }
    expect((await ctx.app.inject({ method: 'GET', url: '/o/AAAAAAAAAAAAAAAAAAAA' })).body).toContain('征求意见');
    const asset = await ctx.app.inject({ method: 'GET', url: '/assets/index-3f9a2c.js' });
    expect([asset.statusCode, asset.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
  });

  it('serves the web client for page routes, with a script policy, and JSON 404 for unknown API routes', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: '/roster?x=1' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>作风</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    const api = await ctx.app.inject({ method: 'GET', url: '/api/nope' });
    expect([api.statusCode, api.json().code]).toEqual([404, 'not_found']);
    expect(api.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers malformed JSON and oversized bodies with a Chinese 4xx', async () => {
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('请求格式不正确');
    const big = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: JSON.stringify({ username: 'x'.repeat(2_000_000), password: 'y' }),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toBe('上传的内容过大');
  });
});
