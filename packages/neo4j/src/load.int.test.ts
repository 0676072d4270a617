import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dumpGraph } from '../test/dump.ts';
import { CONTEXT, call, extraction, overlappingCorpus, PEOPLE } from '../test/extractions.ts';
import { countGraph, resetGraph } from './admin.ts';
import { createClient, type GraphClient } from './client.ts';
import { resolveConnectionConfig } from './config.ts';
import * as Q from './cypher.ts';
import { loadExtractions } from './load.ts';
import { runReadQuery } from './query.ts';
import { ensureSchema } from './schema.ts';

let client: GraphClient;

beforeAll(async () => {
  client = createClient(resolveConnectionConfig());
  await client.verify();
});
afterAll(async () => {
  await client?.close();
});
beforeEach(async () => {
  await resetGraph(client);
});

const { putin, assad, raisi, abbas, sisi, macron } = PEOPLE;

function seedReadout() {
  return extraction('Putin spoke by phone with Assad, Raisi, Abbas and Sisi on Monday.', [
    call([putin!, assad!], '2023-10-16', {
      themes: ['armed-conflict', 'humanitarian'],
      subjects: ['Gaza Strip'],
    }),
    call([putin!, raisi!], '2023-10-16', { themes: ['armed-conflict'] }),
    call([putin!, abbas!], '2023-10-16', { themes: ['humanitarian'] }),
    call([putin!, sisi!], '2023-10-16', { themes: ['ceasefire-peace'] }),
  ]);
}

async function rows(cypher: string, params: Record<string, unknown> = {}) {
  return (await runReadQuery(client, cypher, params)).rows;
}

describe('loading extractions into Neo4j', () => {
  it('gives Putin four dated CALLED edges on 2023-10-16 from the seed readout', async () => {
    const summary = await loadExtractions(client, [seedReadout()], CONTEXT);
    expect(summary.readouts.new).toBe(1);
    expect(summary.calls.created).toBe(4);
    const called = await rows(
      `MATCH (:Leader {id: $id})-[k:CALLED]->(o:Leader) RETURN o.name AS other, k.date AS date ORDER BY other`,
      { id: 'vladimir-putin' },
    );
    expect(called).toEqual([
      { other: 'Abdel Fattah al-Sisi', date: '2023-10-16' },
      { other: 'Bashar al-Assad', date: '2023-10-16' },
      { other: 'Ebrahim Raisi', date: '2023-10-16' },
      { other: 'Mahmoud Abbas', date: '2023-10-16' },
    ]);
  });

  it('stores dates as Neo4j date values, not strings', async () => {
    await loadExtractions(client, [seedReadout()], CONTEXT);
    const types = await rows('MATCH (c:Call) RETURN DISTINCT valueType(c.date) AS type');
    expect(types).toEqual([{ type: 'DATE NOT NULL' }]);
    const inOctober = await rows(
      'MATCH (c:Call) WHERE c.date >= date($from) AND c.date < date($to) RETURN count(c) AS n',
      {
        from: '2023-10-01',
        to: '2023-11-01',
      },
    );
    expect(inOctober).toEqual([{ n: 4 }]);
  });

  it('changes nothing when the same readouts are loaded again', async () => {
    await loadExtractions(client, [seedReadout()], CONTEXT);
    const first = await countGraph(client);
    const again = await loadExtractions(client, [seedReadout()], CONTEXT);
    expect(again.readouts).toEqual({ new: 0, unchanged: 1, updated: 0 });
    expect(await countGraph(client)).toEqual(first);
  });

  it('replaces the facts of a readout whose extraction changed, leaving no stale edges', async () => {
    const original = seedReadout();
    await loadExtractions(client, [original], CONTEXT);
    const corrected = { ...original, calls: original.calls.slice(0, 2) };
    const summary = await loadExtractions(client, [corrected], CONTEXT);
    expect(summary.readouts.updated).toBe(1);
    expect(summary.calls.removed).toBe(2);
    expect(await rows('MATCH ()-[k:CALLED]->() RETURN count(k) AS n')).toEqual([{ n: 2 }]);
    expect(await rows('MATCH (c:Call) RETURN count(c) AS n')).toEqual([{ n: 2 }]);
    expect(await rows("MATCH (l:Leader {id: 'mahmoud-abbas'}) RETURN count(l) AS n")).toEqual([{ n: 0 }]);
  });

  it('links a readout to what it mentions, and to what its corrected extraction mentions after a reload', async () => {
    const mentioned = (r: ReturnType<typeof seedReadout>) =>
      rows(
        `MATCH (:Readout {id: $id})-[:MENTIONS]->(n)
         RETURN coalesce(n.code, n.id) AS target ORDER BY target`,
        { id: r.id },
      );
    const original = {
      ...seedReadout(),
      mentions: {
        states: ['ISR', 'USA', 'ISR'],
        leaders: [{ id: 'benjamin-netanyahu', name: 'Benjamin Netanyahu', state: 'ISR' }],
      },
    };
    await loadExtractions(client, [original], CONTEXT);
    expect(await mentioned(original)).toEqual([
      { target: 'ISR' },
      { target: 'USA' },
      { target: 'benjamin-netanyahu' },
    ]);
    const corrected = { ...original, mentions: { states: ['QAT'], leaders: [] } };
    expect((await loadExtractions(client, [corrected], CONTEXT)).readouts.updated).toBe(1);
    expect(await mentioned(corrected)).toEqual([{ target: 'QAT' }]);
  });

  it('keeps a call that another readout still reports when one source is replaced', async () => {
    const kremlin = extraction(
      'Kremlin: Putin and Macron spoke on 3 May.',
      [call([putin!, macron!], '2024-05-03')],
      {
        readout: {
          title: null,
          url: 'https://example.org/kremlin/1',
          publisher: 'Kremlin',
          published: '2024-05-03',
          language: 'en',
        },
      },
    );
    const elysee = extraction(
      'Elysee: Macron called Putin.',
      [call([macron!, putin!], '2024-05-03', { initiator: 'FRA' })],
      {
        readout: {
          title: null,
          url: 'https://example.org/elysee/1',
          publisher: 'Elysee',
          published: '2024-05-03',
          language: 'en',
        },
      },
    );
    await loadExtractions(client, [kremlin, elysee], CONTEXT);
    const rewritten = extraction('Kremlin (corrected): nothing to report.', [], { readout: kremlin.readout });
    await loadExtractions(client, [rewritten], CONTEXT);
    expect(await rows('MATCH (c:Call) RETURN count(c) AS n')).toEqual([{ n: 1 }]);
    expect(await rows('MATCH (r:Readout) RETURN count(r) AS n')).toEqual([{ n: 2 }]);
    expect(await rows('MATCH (:Readout)-[:REPORTS]->(c:Call) RETURN count(*) AS n')).toEqual([{ n: 1 }]);
  });

  it('merges two sides reporting one call a day apart into one Call and keeps both dates', async () => {
    const moscow = extraction(
      'Moscow: Putin and Macron talked on 4 May.',
      [call([putin!, macron!], '2024-05-04')],
      {
        readout: {
          title: null,
          url: 'https://example.org/m',
          publisher: 'Kremlin',
          published: '2024-05-04',
          language: 'en',
        },
      },
    );
    const paris = extraction(
      'Paris: at the French side\u2019s initiative, Macron called Putin on 3 May.',
      [call([macron!, putin!], '2024-05-03', { initiator: 'FRA' })],
      {
        readout: {
          title: null,
          url: 'https://example.org/p',
          publisher: 'Elysee',
          published: '2024-05-03',
          language: 'en',
        },
      },
    );
    await loadExtractions(client, [moscow], CONTEXT);
    await loadExtractions(client, [paris], CONTEXT);
    const calls = await rows(
      'MATCH (c:Call) OPTIONAL MATCH (r:Readout)-[:REPORTS]->(c) RETURN c.dates AS dates, c.date AS date, c.initiators AS initiators, count(r) AS sources',
    );
    expect(calls).toEqual([
      { dates: ['2024-05-03', '2024-05-04'], date: '2024-05-03', initiators: ['FRA'], sources: 2 },
    ]);
    const edge = await rows('MATCH (a:Leader)-[k:CALLED]->(b:Leader) RETURN a.id AS from, b.id AS to');
    expect(edge).toEqual([{ from: 'emmanuel-macron', to: 'vladimir-putin' }]);
  });

  it('keeps calls on three consecutive days apart instead of chaining them into one', async () => {
    const days = ['2024-05-01', '2024-05-02', '2024-05-03'];
    await loadExtractions(client, [extraction('first', [call([putin!, macron!], days[0]!)])], CONTEXT);
    await loadExtractions(
      client,
      days.slice(1).map((d) => extraction(`later ${d}`, [call([putin!, macron!], d)])),
      CONTEXT,
    );
    const calls = await rows('MATCH (c:Call) RETURN c.dates AS dates ORDER BY c.date');
    expect(calls).toEqual([{ dates: ['2024-05-01', '2024-05-02'] }, { dates: ['2024-05-03'] }]);
  });

  it('links leaders to the states they lead with dated LEADS edges', async () => {
    await loadExtractions(client, [seedReadout()], CONTEXT);
    const leads = await rows(
      "MATCH (:Leader {id: 'vladimir-putin'})-[e:LEADS]->(s:State) RETURN s.code AS code, e.role AS role, e.from AS from",
    );
    expect(leads).toEqual([{ code: 'RUS', role: 'President', from: '2000-01-01' }]);
  });

  it("builds the same graph whether one conversation's reports arrive in one batch or apart", async () => {
    const readouts = overlappingCorpus(240);
    await loadExtractions(client, readouts, CONTEXT, { batchSize: 500 });
    const oneBatch = await dumpGraph(client);
    expect(oneBatch.filter((line) => line.startsWith('["CALLED"')).length).toBeGreaterThan(50);

    for (const batchSize of [1, 7]) {
      await resetGraph(client);
      await loadExtractions(client, readouts, CONTEXT, { batchSize });
      expect(await dumpGraph(client)).toEqual(oneBatch);
    }

    // Half first, then everything: the second load adds reports to calls already stored.
    await resetGraph(client);
    await loadExtractions(client, readouts.slice(0, 120), CONTEXT, { batchSize: 500 });
    const summary = await loadExtractions(client, readouts, CONTEXT, { batchSize: 500 });
    expect(summary.readouts).toEqual({ new: 120, unchanged: 120, updated: 0 });
    expect(await dumpGraph(client)).toEqual(oneBatch);
  }, 120_000);
});

describe('plans of the load statements', () => {
  // Statements over the whole graph, which read every node of some labels by design.
  const WHOLE_GRAPH = new Set(['DELETE_ORPHANS', 'COUNT_GRAPH', 'RESET_BATCH', 'RESET_RELATIONSHIPS_BATCH']);
  type Plan = { operatorType: string; children: Plan[] };
  const operators = (plan: Plan): string[] => [plan.operatorType, ...plan.children.flatMap(operators)];

  it('finds every node and call by an index, never by scanning, even when planned on an empty graph', async () => {
    // Plans are kept for good once made (PLAN_ONCE): one made on an empty graph must still
    // seek when the graph holds millions of calls.
    await ensureSchema(client);
    const statements = Object.entries(Q).filter(([name]) => name !== 'PLAN_ONCE' && !WHOLE_GRAPH.has(name));
    expect(statements.length).toBeGreaterThan(15);
    for (const [name, statement] of statements) {
      const result = await client.write((tx) => tx.run(`EXPLAIN ${Q.PLAN_ONCE}${statement}`));
      const scans = operators(result.summary.plan as unknown as Plan).filter((op) => /Scan/.test(op));
      expect({ name, scans }).toEqual({ name, scans: [] });
    }
  });
});
