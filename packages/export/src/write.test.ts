import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { GraphData } from '@hotline/model';
import { buildGraphData } from '@hotline/model';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtureGraph, PUTIN } from '../test/fixtures/graph.ts';
import { createCsvExport } from './csv.ts';
import { createPloverEvents } from './plover.ts';
import { selectSubgraph } from './select.ts';
import { EXPORT_FORMATS } from './types.ts';
import { createExport, generateExport, writeExport, writeExportFile } from './write.ts';

const graph = createFixtureGraph();
const singleFile = EXPORT_FORMATS.filter((format) => format !== 'csv');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hotline-export-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(format: (typeof singleFile)[number], data: GraphData): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeExport(format, data, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('writeExport', () => {
  it.each(singleFile)('streams the same %s as createExport', async (format) => {
    expect(await collect(format, graph)).toBe(createExport(format, graph));
  });

  it('waits for drain on a slow stream', async () => {
    let written = '';
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk, _encoding, callback) {
        written += String(chunk);
        setTimeout(callback, 1);
      },
    });
    const big: GraphData = {
      nodes: Array.from({ length: 3000 }, (_, i) => ({
        id: `c${i}`,
        label: 'Call' as const,
        properties: {
          id: `c${i}`,
          date: '2024-01-01',
          dates: ['2024-01-01'],
          mode: 'phone',
          multilateral: false,
        },
      })),
      edges: [],
    };
    await writeExport('jsonl', big, slow);
    await new Promise<void>((resolve) => slow.end(resolve));
    expect(written.split('\n').filter(Boolean)).toHaveLength(3000);
  });

  it('throws on a bad graph when called, before any chunk is pulled', () => {
    const broken: GraphData = {
      nodes: [],
      edges: [{ id: 'x', type: 'ABOUT', source: 'a', target: 'b', properties: {} }],
    };
    expect(() => generateExport('graphml', broken)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });

  it('refuses csv, which is several files', async () => {
    await expect(writeExport('csv', graph, new PassThrough())).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('rejects an unknown format and unknown options, naming them', () => {
    expect(() => generateExport('dot' as never, graph)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('"dot"') }),
    );
    expect(() => createExport('json', graph, { prety: true } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('prety') }),
    );
    expect(() => createExport('cypher', graph, { batchSize: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('0') }),
    );
  });
});

describe('writeExportFile', () => {
  it('writes a file with the same content as createExport', async () => {
    const path = join(dir, 'putin.gexf');
    expect(await writeExportFile('gexf', graph, path)).toEqual([path]);
    expect(await readFile(path, 'utf8')).toBe(createExport('gexf', graph));
  });

  it('writes CSV exports into a directory, README included', async () => {
    const target = join(dir, 'csv');
    const paths = await writeExportFile('csv', graph, target);
    expect((await readdir(target)).sort()).toEqual(Object.keys(createCsvExport(graph).files).sort());
    expect(paths).toHaveLength(13);
    expect(await readFile(join(target, 'README.txt'), 'utf8')).toContain('neo4j-admin database import full');
  });

  it('creates no file when the graph is invalid', async () => {
    const path = join(dir, 'broken.jsonl');
    const broken: GraphData = {
      nodes: graph.nodes,
      edges: [{ id: 'x', type: 'TOOK_PART', source: PUTIN, target: 'nowhere', properties: {} }],
    };
    await expect(writeExportFile('jsonl', broken, path)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await readdir(dir)).not.toContain('broken.jsonl');
  });
});

describe('a graph built by buildGraphData', () => {
  const person = (id: string, state: string) => ({
    id,
    name: id,
    state,
    role: 'President',
    leader: true,
    verified: true,
  });
  const built = buildGraphData(
    [
      {
        source: 'a.txt',
        id: 'r-a',
        readout: {
          title: 'A',
          url: 'https://a.example/1',
          publisher: 'A',
          published: '2024-03-01',
          language: 'en',
        },
        text: 'text a',
        calls: [
          {
            participants: [
              person('emmanuel-macron', 'FRA'),
              person('olaf-scholz', 'DEU'),
              person('antonio-guterres', 'UN'),
            ],
            date: '2024-03-01',
            mode: 'meeting',
            initiator: 'FRA',
            themes: ['energy'],
            subjects: ['Gaza Strip'],
            evidence: [{ start: 0, end: 6 }],
          },
          {
            participants: [person('emmanuel-macron', 'FRA'), person('vladimir-putin', 'RUS')],
            date: null,
            mode: 'phone',
            initiator: null,
            themes: [],
            subjects: [],
            evidence: [{ start: 0, end: 6 }],
          },
        ],
        mentions: { leaders: [], states: ['UKR'] },
        warnings: [],
      },
    ],
    {
      polity: (code) => ({
        code,
        name: code,
        kind: code === 'UN' ? 'organization' : 'state',
        region: null,
        latlng: null,
      }),
      offices: (id) =>
        id === 'olaf-scholz' ? [{ polity: 'DEU', role: 'Chancellor', from: '2021-12-08', to: null }] : [],
    },
  );

  it.each(singleFile)('exports it as %s', (format) => {
    expect(createExport(format, built).length).toBeGreaterThan(0);
  });

  it('keeps its ids in GEXF and GraphML and writes its CSV', () => {
    const gexf = parseGexf(MultiDirectedGraph, createExport('gexf', built));
    expect(gexf.edges()).toEqual(built.edges.map((edge) => edge.id));
    const graphml = parseGraphml(MultiDirectedGraph, createExport('graphml', built));
    expect(graphml.nodes()).toEqual(built.nodes.map((node) => node.id));
    const { files } = createCsvExport(built);
    expect(files['nodes-Call.csv']?.split('\n')[0]).toBe(
      'id:ID,date:date,dates:date[],mode,multilateral:boolean,initiators:string[],themes:string[],sources:long,:LABEL',
    );
  });

  it('selects its calls by the themes property', () => {
    expect(
      selectSubgraph(built, { themes: ['energy'] }).nodes.filter((n) => n.label === 'Call'),
    ).toHaveLength(1);
  });

  it('turns its meeting of three into two PLOVER events from the initiator', () => {
    const events = createPloverEvents(built).filter((e) => e.mode === 'multilateral');
    expect(events.map((e) => [e.actor_id, e.recipient_id])).toEqual([
      ['emmanuel-macron', 'olaf-scholz'],
      ['emmanuel-macron', 'antonio-guterres'],
    ]);
    expect(events[1]?.recipient_organization).toBe('UN');
  });
});
