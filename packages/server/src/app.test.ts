import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH, TEXT } from '../test/graph.ts';
import { createServer } from './app.ts';
import { createFileSource } from './source.ts';

let file: string;
let app: FastifyInstance;
let guarded: FastifyInstance;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'hotline-server-'));
  file = join(dir, 'graph.json');
  await writeFile(file, JSON.stringify(GRAPH));
  app = await createServer({ source: await createFileSource(file) });
  guarded = await createServer({ source: await createFileSource(file), token: 's3cret-token' });
});
afterAll(async () => {
  await app?.close();
  await guarded?.close();
});

describe('the HTTP API', () => {
  it('serves the graph narrowed to a date window', async () => {
    const all = (await app.inject('/api/graph')).json();
    expect(all.nodes.filter((n: { label: string }) => n.label === 'Call')).toHaveLength(2);
    const recent = (await app.inject('/api/graph?from=2024-01-01')).json();
    expect(
      recent.nodes.filter((n: { label: string }) => n.label === 'Call').map((n: { id: string }) => n.id),
    ).toEqual(['c1']);
    expect(recent.edges.filter((e: { type: string }) => e.type === 'CALLED')).toHaveLength(1);
  });

  it('never sends readout text with the graph', async () => {
    const body = (await app.inject('/api/graph')).body;
    expect(body).not.toContain('<script>');
  });

  it('rejects a malformed date with a message naming it', async () => {
    const response = await app.inject('/api/graph?from=yesterday');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(response.json().error.message).toContain('from');
  });

  it('explains a leader: offices, counterparts and calls with the evidence sentence', async () => {
    const view = (await app.inject('/api/leaders/vladimir-putin')).json();
    expect(view.offices).toEqual([
      { polity: 'RUS', polityName: 'Russia', role: 'President', from: '2012-05-07', to: null },
    ]);
    expect(view.counterparts).toEqual([
      { id: 'emmanuel-macron', name: 'Emmanuel Macron', state: 'FRA', calls: 2 },
    ]);
    const call = view.calls.find((c: { id: string }) => c.id === 'c1');
    expect(call.themes).toEqual(['energy']);
    expect(call.readouts[0].evidence[0].text).toBe(TEXT.slice(7, 79));
  });

  it('narrows a leader panel to the time window and says how many calls there are in all', async () => {
    const view = (await app.inject('/api/leaders/vladimir-putin?from=2024-01-01')).json();
    expect(view.calls.map((c: { id: string }) => c.id)).toEqual(['c1']);
    expect(view.counterparts).toEqual([
      { id: 'emmanuel-macron', name: 'Emmanuel Macron', state: 'FRA', calls: 1 },
    ]);
    expect(view.window).toEqual({ from: '2024-01-01', to: null });
    expect(view.allCalls).toBe(2);
    const before = (await app.inject('/api/leaders/vladimir-putin?to=2020-12-31')).json();
    expect(before.calls).toEqual([]);
    expect(before.counterparts).toEqual([]);
    expect(before.offices).toHaveLength(1);
    const bad = await app.inject('/api/leaders/vladimir-putin?to=soon');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('to must be a date');
  });

  it('narrows the calls behind one edge to the time window', async () => {
    const pair = (
      await app.inject('/api/pairs?a=vladimir-putin&b=emmanuel-macron&from=2022-01-01&to=2022-12-31')
    ).json();
    expect(pair.calls.map((c: { date: string }) => c.date)).toEqual(['2022-01-10']);
    expect(pair.allCalls).toBe(2);
  });

  it('answers 404 for an unknown leader', async () => {
    expect((await app.inject('/api/leaders/nobody')).statusCode).toBe(404);
  });

  it('lists the calls behind one edge', async () => {
    const pair = (await app.inject('/api/pairs?a=vladimir-putin&b=emmanuel-macron')).json();
    expect(pair.calls.map((c: { date: string }) => c.date)).toEqual(['2022-01-10', '2024-05-03']);
  });

  it('explains how to connect Neo4j when Cypher is asked of embedded mode', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/query', payload: { cypher: 'RETURN 1' } });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.message).toContain('pnpm neo4j start');
  });

  it('sends security headers and no CORS header', async () => {
    const response = await app.inject({ url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses bodies over the size limit', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/query',
      payload: { cypher: 'x'.repeat(300_000) },
    });
    expect(response.statusCode).toBe(413);
  });

  it('requires the token on every API call when one is set', async () => {
    expect((await guarded.inject('/api/graph')).statusCode).toBe(401);
    expect(
      (await guarded.inject({ url: '/api/graph', headers: { authorization: 'Bearer wrong' } })).statusCode,
    ).toBe(401);
    expect(
      (await guarded.inject({ url: '/api/graph', headers: { authorization: 'Bearer s3cret-token' } }))
        .statusCode,
    ).toBe(200);
  });

  it('downloads the selection as a GEXF attachment', async () => {
    const response = await app.inject('/api/export?format=gexf&leaders=vladimir-putin&from=2024-01-01');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="hotline-.*\.gexf"$/);
    expect(response.body).toContain('<gexf');
    expect(response.body).toContain('Emmanuel Macron');
  });

  it('downloads the neo4j-admin CSV set as one zip', async () => {
    const response = await app.inject('/api/export?format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(response.rawPayload.toString('latin1')).toContain('nodes-Leader.csv');
  });

  it('names the bad value when an export is asked in an unknown format', async () => {
    const response = await app.inject('/api/export?format=xlsx');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('xlsx');
  });
});
