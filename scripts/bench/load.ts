/**
 * Loading benchmark, on a Neo4j dedicated to the benchmarks (bolt port 7689, its own data
 * folder .neo4j/bench-home, started here and stopped at the end if started here; the dev
 * database on 7687 and the test one on 7688 are never touched).
 *
 * Against the same extractions, in the same run, on the same server:
 * - hotline's batched, idempotent load (`loadExtractions`), then a second, unchanged load;
 * - LOAD CSV of the same facts (every node, relationship and property hotline's load writes)
 *   with MERGE on the same constraints and `CALL { … } IN TRANSACTIONS`, the CSV files served
 *   over HTTP from 127.0.0.1 (file URLs are disabled in the project's Neo4j config);
 * - one transaction per call record, as a first script would do;
 * - hotline's load at several batch sizes, to choose DEFAULT_LOAD_OPTIONS.batchSize;
 * - hotline's load at every corpus size of the growth series.
 */
import { execFileSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  readdirSync,
  readFileSync,
  statSync,
  type WriteStream,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Knowledge, loadKnowledge } from '@hotline/ingest';
import {
  calledPairs,
  callId,
  type Extraction,
  type GraphContext,
  leaderProperties,
  polityNode,
  slugify,
  subjectTopicId,
  themeTopicId,
} from '@hotline/model';
import {
  countGraph,
  createClient,
  DEFAULT_LOAD_OPTIONS,
  type GraphClient,
  type LoadSummary,
  loadExtractions,
  readoutSourceKey,
  resetGraph,
  resolveConnectionConfig,
} from '@hotline/neo4j';
import neo4j from 'neo4j-driver';
import { ensureDir, growthExponent, log, ROOT, round } from './common.ts';

export const BENCH_NEO4J = {
  NEO4J_HOME_DIR: join(ROOT, '.neo4j/bench-home'),
  NEO4J_BOLT_PORT: '7689',
  NEO4J_PASSWORD: 'hotline-bench-password',
  // The 100k-readout store is about 1 GB: a page cache that holds it, as one would size a
  // server for this graph, and heap for 1,000-readout transactions. Read back from the server
  // for the report, as a bench server that was already running keeps its own.
  NEO4J_HEAP: '4g',
  NEO4J_PAGECACHE: '2g',
};

// ---------------------------------------------------------------------------------------
// The bench server.

function neo4jScript(command: 'start' | 'stop' | 'status'): { ok: boolean; output: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, ...BENCH_NEO4J };
  delete env.NEO4J_URI;
  delete env.NEO4J_USER;
  delete env.NEO4J_DATABASE;
  try {
    const output = execFileSync('bash', [join(ROOT, 'scripts/neo4j/neo4j.sh'), command], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 300_000,
    });
    return { ok: true, output: output.trim() };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() };
  }
}

export interface BenchServer {
  client: GraphClient;
  version: string;
  /** Heap and page cache, as the server reports them. */
  memory: string;
  startedHere: boolean;
  close(): Promise<void>;
}

export async function openBenchServer(): Promise<BenchServer> {
  let startedHere = false;
  if (!neo4jScript('status').ok) {
    log('load: starting the bench Neo4j on bolt://127.0.0.1:7689 (.neo4j/bench-home)');
    const started = neo4jScript('start');
    if (!started.ok) throw new Error(`could not start the bench Neo4j:\n${started.output}`);
    startedHere = true;
  }
  // An explicit environment: whatever the shell says, this client talks to port 7689 only.
  const client = createClient(
    resolveConnectionConfig({
      NEO4J_BOLT_PORT: BENCH_NEO4J.NEO4J_BOLT_PORT,
      NEO4J_PASSWORD: BENCH_NEO4J.NEO4J_PASSWORD,
    }),
  );
  if (!client.config.uri.endsWith(':7689'))
    throw new Error(`refusing to benchmark against ${client.config.uri}`);
  await client.verify();
  const components = await client.read((tx) =>
    tx.run('CALL dbms.components() YIELD name, versions, edition'),
  );
  const c = components.records[0];
  const version = c
    ? `${c.get('name')} ${(c.get('versions') as string[])[0]} ${c.get('edition')}`
    : 'unknown';
  const pageCache = await client.read((tx) =>
    tx.run("SHOW SETTINGS YIELD name, value WHERE name = 'server.memory.pagecache.size' RETURN value"),
  );
  const heap = await client.read((tx) =>
    tx.run(
      "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties.max AS max",
    ),
  );
  const heapGiB = Number(heap.records[0]?.get('max') ?? Number.NaN) / 2 ** 30;
  const memory = `heap ${heapGiB.toFixed(1)} GiB, page cache ${String(pageCache.records[0]?.get('value') ?? 'unknown').replace(/(\d)GiB$/, '$1 GiB')}`;
  return {
    client,
    version,
    memory,
    startedHere,
    async close() {
      await client.close();
      if (startedHere) {
        log('load: stopping the bench Neo4j');
        neo4jScript('stop');
      }
    },
  };
}

// ---------------------------------------------------------------------------------------
// Extractions, streamed from the JSON Lines the extraction benchmark wrote.

/** The extractions at positions [skip, limit) of the files, read in order. */
export async function* readExtractions(files: string[], limit: number, skip = 0): AsyncGenerator<Extraction> {
  let n = 0;
  for (const file of files) {
    const lines = createInterface({
      input: createReadStream(file, 'utf8'),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      if (n >= limit) {
        lines.close();
        return;
      }
      n += 1;
      if (n > skip) yield JSON.parse(line) as Extraction;
    }
  }
}

export function graphContext(knowledge: Knowledge): GraphContext {
  const polities = new Map(knowledge.polities().map((p) => [p.code, p]));
  const labels = new Map(knowledge.themes().map((t) => [t.id, t.label]));
  return {
    polity: (code) => polities.get(code),
    offices: (id) => knowledge.leaderOffices(id),
    themeLabel: (id) => labels.get(id) ?? id,
  };
}

// ---------------------------------------------------------------------------------------
// The facts a user would load, flattened to rows (shared by LOAD CSV and the naive load):
// the same nodes, relationships and properties as hotline's load, so that every loader
// writes the same graph. What only hotline does is its bookkeeping: fingerprints to skip
// unchanged readouts, replacing a changed one, and merging the reports of one conversation
// whose dates differ by a day into one Call (here, reports merge only when their call ids
// are equal, which is what a script keyed on an id would do).

type Row = Record<string, unknown>;

interface CallFact {
  readout: string;
  call: string;
  key: string;
  mode: string;
  date: string | null;
  multilateral: boolean;
  /** Leader properties as hotline stores them, with the TOOK_PART initiator flag. */
  participants: Array<Row & { id: string; state: string | null; initiator: boolean }>;
  initiator: string | null;
  themes: string[];
  subjects: string[];
  evidence: string[];
  topics: Array<{ id: string; label: string; kind: string }>;
  called: Array<[string, string]>;
}

interface ReadoutFacts {
  readout: Row & { id: string };
  calls: CallFact[];
  /** Leaders only mentioned (created if new, never overwriting a participant). */
  mentionedLeaders: Row[];
  mentions: { polities: string[]; leaders: string[] };
  /** Every state or organization the readout's facts refer to. */
  polities: string[];
  /** Verified people (participants and mentioned) whose offices are stored as LEADS. */
  officeHolders: string[];
}

function readoutFacts(x: Extraction, context: GraphContext): ReadoutFacts {
  const polities = new Set<string>(x.mentions.states);
  const officeHolders = new Set<string>();
  const calls: CallFact[] = [];
  const hold = (p: { id: string; verified: boolean; state: string | null }) => {
    if (p.state) polities.add(p.state);
    if (!p.verified) return;
    officeHolders.add(p.id);
    for (const office of context.offices(p.id)) polities.add(office.polity);
  };
  for (const c of x.calls) {
    const seen = new Set<string>();
    const people = c.participants.filter((p) => !seen.has(p.id) && seen.add(p.id));
    if (people.length < 2) continue;
    for (const p of people) hold(p);
    const ids = people.map((p) => p.id);
    const stateOf = new Map(people.map((p) => [p.id, p.state]));
    const { initiating, pairs } = calledPairs(
      ids,
      c.initiator ? [c.initiator] : [],
      (id) => stateOf.get(id) ?? null,
    );
    calls.push({
      readout: x.id,
      call: callId(ids, c.mode, c.date),
      key: [...ids].sort().join('|'),
      mode: c.mode,
      date: c.date,
      multilateral: ids.length > 2,
      participants: people.map((p) => ({
        ...leaderProperties(p, context),
        id: p.id,
        state: p.state,
        initiator: initiating.includes(p.id),
      })),
      initiator: c.initiator,
      themes: [...c.themes],
      subjects: [...c.subjects],
      evidence: c.evidence.map((span) => `${span.start}:${span.end}`),
      topics: [
        ...c.themes.map((t) => ({ id: themeTopicId(t), label: context.themeLabel?.(t) ?? t, kind: 'theme' })),
        ...c.subjects
          .filter((s) => slugify(s) !== '')
          .map((s) => ({ id: subjectTopicId(s), label: s, kind: 'subject' })),
      ],
      called: pairs,
    });
  }
  const mentionedLeaders = x.mentions.leaders.map((m) => {
    hold({ ...m, verified: true });
    return leaderProperties({ ...m, role: null, leader: true, verified: true }, context);
  });
  const r = x.readout;
  return {
    readout: {
      id: x.id,
      url: r.url,
      publisher: r.publisher,
      published: r.published,
      title: r.title,
      language: r.language,
      source: x.source,
      sourceKey: readoutSourceKey(x),
      text: x.text,
      warnings: x.warnings,
    },
    calls,
    mentionedLeaders,
    mentions: {
      polities: [...new Set(x.mentions.states)],
      leaders: [...new Set(x.mentions.leaders.map((m) => m.id))],
    },
    polities: [...polities],
    officeHolders: [...officeHolders],
  };
}

/** State and Organization rows, as hotline stores them. */
function polityRows(codes: Iterable<string>, context: GraphContext) {
  const states: Row[] = [];
  const organizations: Row[] = [];
  for (const code of codes) {
    const { label, properties } = polityNode(code, context);
    (label === 'State' ? states : organizations).push(properties);
  }
  return { states, organizations };
}

function officeRows(leaders: Iterable<string>, context: GraphContext) {
  return [...leaders].flatMap((leader) =>
    context.offices(leader).map((o) => ({ leader, polity: o.polity, role: o.role, from: o.from, to: o.to })),
  );
}

// ---------------------------------------------------------------------------------------
// LOAD CSV baseline.

type CsvValue = string | number | boolean | null | undefined | string[];

function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Lists travel joined by ';' and are split again by the statement.
  const s = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

class CsvFile {
  private stream: WriteStream;
  constructor(
    path: string,
    private readonly header: string[],
  ) {
    this.stream = createWriteStream(path, 'utf8');
    this.stream.write(`${header.join(',')}\n`);
  }
  async row(values: Record<string, unknown>): Promise<void> {
    const line = this.header.map((h) => csvField(values[h] as CsvValue)).join(',');
    if (!this.stream.write(`${line}\n`)) {
      await new Promise<void>((res) => {
        this.stream.once('drain', () => res());
      });
    }
  }
  close(): Promise<void> {
    return new Promise((res) => {
      this.stream.end(() => res());
    });
  }
}

const LEADER_COLUMNS = ['id', 'name', 'aliases', 'verified', 'leader', 'state', 'role'];

const CSV_FILES = {
  readouts: [
    'id',
    'url',
    'publisher',
    'published',
    'title',
    'language',
    'source',
    'sourceKey',
    'text',
    'warnings',
  ],
  states: ['code', 'name', 'region', 'subregion', 'lat', 'lng'],
  organizations: ['code', 'name'],
  leaders: LEADER_COLUMNS,
  mentioned_leaders: LEADER_COLUMNS,
  leads: ['leader', 'polity', 'role', 'from', 'to'],
  topics: ['id', 'label', 'kind'],
  calls: ['id', 'key', 'mode', 'multilateral', 'date', 'initiators', 'themes'],
  took_part: ['leader', 'call', 'initiator'],
  reports: ['readout', 'call', 'evidence', 'date', 'initiator', 'themes', 'subjects', 'participants'],
  about: ['call', 'topic'],
  called: ['from', 'to', 'call', 'date', 'mode', 'themes'],
  mentions_polities: ['readout', 'target'],
  mentions_leaders: ['readout', 'target'],
} as const;

export async function writeCsv(
  files: string[],
  limit: number,
  dir: string,
  context: GraphContext,
): Promise<{ calls: number; readouts: number }> {
  ensureDir(dir);
  const csv = Object.fromEntries(
    Object.entries(CSV_FILES).map(([name, header]) => [
      name,
      new CsvFile(join(dir, `${name}.csv`), [...header]),
    ]),
  ) as Record<keyof typeof CSV_FILES, CsvFile>;
  const seen = new Set<string>();
  const first = (key: string) => !seen.has(key) && Boolean(seen.add(key));
  const polities = new Set<string>();
  const holders = new Set<string>();
  const participants = new Set<string>();
  const mentioned = new Map<string, Row>();
  let nCalls = 0;
  let nReadouts = 0;
  for await (const x of readExtractions(files, limit)) {
    nReadouts += 1;
    const facts = readoutFacts(x, context);
    await csv.readouts.row(facts.readout);
    for (const code of facts.polities) polities.add(code);
    for (const id of facts.officeHolders) holders.add(id);
    for (const f of facts.calls) {
      nCalls += 1;
      for (const p of f.participants) {
        participants.add(p.id);
        if (first(`leader:${p.id}`)) await csv.leaders.row(p);
      }
      if (first(`call:${f.call}`)) {
        await csv.calls.row({ id: f.call, ...f, initiators: f.initiator ? [f.initiator] : [] });
        for (const p of f.participants)
          await csv.took_part.row({ leader: p.id, call: f.call, initiator: p.initiator });
        for (const t of f.topics) {
          if (first(`topic:${t.id}`)) await csv.topics.row(t);
          await csv.about.row({ call: f.call, topic: t.id });
        }
        for (const [from, to] of f.called)
          await csv.called.row({ from, to, call: f.call, date: f.date, mode: f.mode, themes: f.themes });
      }
      await csv.reports.row({ ...f, participants: f.participants.map((p) => p.id) });
    }
    for (const m of facts.mentionedLeaders) if (!mentioned.has(String(m.id))) mentioned.set(String(m.id), m);
    for (const target of facts.mentions.polities) await csv.mentions_polities.row({ readout: x.id, target });
    for (const target of facts.mentions.leaders) await csv.mentions_leaders.row({ readout: x.id, target });
  }
  for (const [id, m] of mentioned) if (!participants.has(id)) await csv.mentioned_leaders.row(m);
  const { states, organizations } = polityRows(polities, context);
  for (const s of states) await csv.states.row(s);
  for (const o of organizations) await csv.organizations.row(o);
  for (const e of officeRows(holders, context)) await csv.leads.row(e);
  await Promise.all(Object.values(csv).map((f) => f.close()));
  return { calls: nCalls, readouts: nReadouts };
}

const list = (field: string) => `CASE WHEN ${field} IS NULL THEN [] ELSE split(${field}, ';') END`;
const bool = (field: string) => `${field} = 'true'`;
const inTransactions = (body: string) =>
  `LOAD CSV WITH HEADERS FROM $url AS row\nCALL (row) {\n${body}\n} IN TRANSACTIONS OF 1000 ROWS`;

/** What a user would write: MERGE on the same keys, batched by the server, nodes first. */
export const LOAD_CSV_STATEMENTS: Array<[string, string]> = [
  [
    'readouts.csv',
    inTransactions(`  MERGE (r:Readout {id: row.id})
  SET r.url = row.url, r.publisher = row.publisher, r.published = date(row.published), r.title = row.title,
      r.language = row.language, r.source = row.source, r.sourceKey = row.sourceKey, r.text = row.text,
      r.warnings = ${list('row.warnings')}`),
  ],
  [
    'states.csv',
    inTransactions(`  MERGE (s:State {code: row.code})
  SET s.name = row.name, s.region = row.region, s.subregion = row.subregion, s.lat = toFloat(row.lat), s.lng = toFloat(row.lng)`),
  ],
  ['organizations.csv', inTransactions('  MERGE (o:Organization {code: row.code}) SET o.name = row.name')],
  [
    'leaders.csv',
    inTransactions(`  MERGE (l:Leader {id: row.id})
  SET l.name = row.name, l.aliases = ${list('row.aliases')}, l.verified = ${bool('row.verified')},
      l.leader = ${bool('row.leader')}, l.state = row.state, l.role = row.role`),
  ],
  [
    'mentioned_leaders.csv',
    inTransactions(`  MERGE (l:Leader {id: row.id})
    ON CREATE SET l.name = row.name, l.aliases = ${list('row.aliases')}, l.verified = ${bool('row.verified')},
      l.leader = ${bool('row.leader')}, l.state = row.state, l.role = row.role`),
  ],
  [
    'leads.csv',
    inTransactions(`  MATCH (l:Leader {id: row.leader})
  MATCH (p:State|Organization {code: row.polity})
  MERGE (l)-[e:LEADS {role: row.role, from: date(row.from)}]->(p)
  SET e.to = date(row.to)`),
  ],
  [
    'topics.csv',
    inTransactions('  MERGE (t:Topic {id: row.id}) ON CREATE SET t.label = row.label, t.kind = row.kind'),
  ],
  [
    'calls.csv',
    inTransactions(`  MERGE (c:Call {id: row.id})
  SET c.key = row.key, c.mode = row.mode, c.multilateral = ${bool('row.multilateral')},
      c.dates = [d IN ${list('row.date')} | date(d)], c.date = date(row.date),
      c.initiators = ${list('row.initiators')}, c.themes = ${list('row.themes')}, c.sources = 1`),
  ],
  [
    'took_part.csv',
    inTransactions(`  MATCH (l:Leader {id: row.leader})
  MATCH (c:Call {id: row.call})
  MERGE (l)-[t:TOOK_PART]->(c)
  SET t.initiator = ${bool('row.initiator')}`),
  ],
  [
    'reports.csv',
    inTransactions(`  MATCH (r:Readout {id: row.readout})
  MATCH (c:Call {id: row.call})
  MERGE (r)-[rep:REPORTS]->(c)
  SET rep.evidence = ${list('row.evidence')}, rep.date = date(row.date), rep.initiator = row.initiator,
      rep.themes = ${list('row.themes')}, rep.subjects = ${list('row.subjects')}, rep.participants = ${list('row.participants')}`),
  ],
  [
    'about.csv',
    inTransactions(`  MATCH (c:Call {id: row.call})
  MATCH (t:Topic {id: row.topic})
  MERGE (c)-[:ABOUT]->(t)`),
  ],
  [
    'called.csv',
    inTransactions(`  MATCH (a:Leader {id: row.from})
  MATCH (b:Leader {id: row.to})
  MERGE (a)-[k:CALLED {call: row.call}]->(b)
  SET k.date = date(row.date), k.mode = row.mode, k.themes = ${list('row.themes')}`),
  ],
  [
    'mentions_polities.csv',
    inTransactions(`  MATCH (r:Readout {id: row.readout})
  MATCH (p:State|Organization {code: row.target})
  MERGE (r)-[:MENTIONS]->(p)`),
  ],
  [
    'mentions_leaders.csv',
    inTransactions(`  MATCH (r:Readout {id: row.readout})
  MATCH (l:Leader {id: row.target})
  MERGE (r)-[:MENTIONS]->(l)`),
  ],
];

function serveFolder(dir: string): Promise<{ server: Server; port: number }> {
  const files = new Set(readdirSync(dir));
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').replace(/^\/+/, '').split('?')[0] ?? '');
    if (!files.has(name)) {
      res.writeHead(404).end();
      return;
    }
    const path = join(dir, name);
    res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-length': statSync(path).size });
    createReadStream(path).pipe(res);
  });
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => res({ server, port: (server.address() as AddressInfo).port }));
  });
}

export async function runLoadCsv(
  client: GraphClient,
  dir: string,
): Promise<{ ms: number; perFile: Record<string, number> }> {
  const { server, port } = await serveFolder(dir);
  const cfg = client.config;
  // CALL { … } IN TRANSACTIONS needs an auto-commit transaction: a plain session.run.
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    logging: { level: 'error', logger: () => {} },
  });
  const perFile: Record<string, number> = {};
  let total = 0;
  try {
    for (const [file, statement] of LOAD_CSV_STATEMENTS) {
      const session = driver.session({ database: cfg.database, defaultAccessMode: neo4j.session.WRITE });
      const t0 = performance.now();
      try {
        await session.run(statement, { url: `http://127.0.0.1:${port}/${file}` });
      } finally {
        await session.close();
      }
      const ms = performance.now() - t0;
      perFile[file] = round(ms, 1);
      total += ms;
    }
  } finally {
    await driver.close();
    await new Promise((res) => server.close(res));
  }
  return { ms: total, perFile };
}

/**
 * Empties the bench database: relationships first, then nodes, each in server-side batches.
 * (resetGraph alone runs out of the 1 GiB transaction memory on a 100k-readout graph: a
 * batch of nodes that holds a hub leader deletes tens of thousands of relationships at once.)
 */
async function emptyBenchGraph(client: GraphClient): Promise<void> {
  const cfg = client.config;
  if (!cfg.uri.endsWith(':7689')) throw new Error(`refusing to empty ${cfg.uri}`);
  const driver = neo4j.driver(cfg.uri, neo4j.auth.basic(cfg.user, cfg.password), {
    logging: { level: 'error', logger: () => {} },
  });
  try {
    for (const statement of [
      'MATCH ()-[r]->() CALL { WITH r DELETE r } IN TRANSACTIONS OF 10000 ROWS',
      'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
    ]) {
      const session = driver.session({ database: cfg.database, defaultAccessMode: neo4j.session.WRITE });
      try {
        await session.run(statement);
      } finally {
        await session.close();
      }
    }
  } finally {
    await driver.close();
  }
}

// ---------------------------------------------------------------------------------------
// Naive baseline: one transaction per call record, writing the same facts as LOAD CSV. Like
// hotline's load, it writes each state, organization and office once per run; everything
// else is merged in the record's own transaction.

const NAIVE_STATEMENT = `
CALL () {
  UNWIND $states AS s
  MERGE (st:State {code: s.code}) SET st.name = s.name, st.region = s.region, st.subregion = s.subregion, st.lat = s.lat, st.lng = s.lng
}
CALL () {
  UNWIND $organizations AS o
  MERGE (org:Organization {code: o.code}) SET org.name = o.name
}
MERGE (r:Readout {id: $readout.id})
SET r.url = $readout.url, r.publisher = $readout.publisher, r.published = date($readout.published),
    r.title = $readout.title, r.language = $readout.language, r.source = $readout.source,
    r.sourceKey = $readout.sourceKey, r.text = $readout.text, r.warnings = $readout.warnings
MERGE (c:Call {id: $call.id})
SET c.key = $call.key, c.mode = $call.mode, c.multilateral = $call.multilateral,
    c.dates = [d IN CASE WHEN $call.date IS NULL THEN [] ELSE [$call.date] END | date(d)], c.date = date($call.date),
    c.initiators = $call.initiators, c.themes = $call.themes, c.sources = 1
MERGE (r)-[rep:REPORTS]->(c)
SET rep.evidence = $call.evidence, rep.date = date($call.date), rep.initiator = $call.initiator,
    rep.themes = $call.themes, rep.subjects = $call.subjects, rep.participants = $call.participants
WITH r, c
CALL (c) {
  UNWIND $participants AS p
  MERGE (l:Leader {id: p.id})
  SET l.name = p.name, l.aliases = p.aliases, l.verified = p.verified, l.leader = p.leader, l.state = p.state, l.role = p.role
  MERGE (l)-[t:TOOK_PART]->(c)
  SET t.initiator = p.initiator
}
CALL (c) {
  UNWIND $topics AS t
  MERGE (tp:Topic {id: t.id}) ON CREATE SET tp.label = t.label, tp.kind = t.kind
  MERGE (c)-[:ABOUT]->(tp)
}
CALL (c) {
  UNWIND $called AS k
  MATCH (a:Leader {id: k.from}), (b:Leader {id: k.to})
  MERGE (a)-[x:CALLED {call: c.id}]->(b)
  SET x.date = c.date, x.mode = c.mode, x.themes = c.themes
}
CALL (r) {
  UNWIND $mentionedLeaders AS m
  MERGE (l:Leader {id: m.id})
    ON CREATE SET l.name = m.name, l.aliases = m.aliases, l.verified = m.verified, l.leader = m.leader, l.state = m.state, l.role = m.role
  MERGE (r)-[:MENTIONS]->(l)
}
CALL (r) {
  UNWIND $mentionedPolities AS code
  MATCH (p:State|Organization {code: code})
  MERGE (r)-[:MENTIONS]->(p)
}
CALL () {
  UNWIND $leads AS e
  MATCH (l:Leader {id: e.leader})
  MATCH (p:State|Organization {code: e.polity})
  MERGE (l)-[x:LEADS {role: e.role, from: date(e.from)}]->(p)
  SET x.to = date(e.to)
}`;

export async function runNaive(
  client: GraphClient,
  files: string[],
  limit: number,
  maxCalls: number,
  context: GraphContext,
  skip = 0,
): Promise<{ ms: number; calls: number }> {
  let calls = 0;
  const written = new Set<string>();
  const once = <T>(items: T[], key: (item: T) => string) =>
    items.filter((item) => !written.has(key(item)) && Boolean(written.add(key(item))));
  const t0 = performance.now();
  outer: for await (const x of readExtractions(files, limit, skip)) {
    const facts = readoutFacts(x, context);
    for (const [i, f] of facts.calls.entries()) {
      if (calls >= maxCalls) break outer;
      // A readout's mentions go with its first call record; later ones would merge them again.
      const mentions = i === 0;
      const { states, organizations } = polityRows(
        once(facts.polities, (code) => `polity:${code}`),
        context,
      );
      const leads = officeRows(
        once(facts.officeHolders, (id) => `leads:${id}`),
        context,
      );
      await client.write((tx) =>
        tx.run(NAIVE_STATEMENT, {
          readout: facts.readout,
          call: {
            id: f.call,
            key: f.key,
            mode: f.mode,
            date: f.date,
            multilateral: f.multilateral,
            initiator: f.initiator,
            initiators: f.initiator ? [f.initiator] : [],
            themes: f.themes,
            subjects: f.subjects,
            evidence: f.evidence,
            participants: f.participants.map((p) => p.id),
          },
          participants: f.participants,
          topics: f.topics,
          called: f.called.map(([from, to]) => ({ from, to })),
          mentionedLeaders: mentions ? facts.mentionedLeaders : [],
          mentionedPolities: mentions ? facts.mentions.polities : [],
          states,
          organizations,
          leads,
        }),
      );
      calls += 1;
    }
  }
  return { ms: performance.now() - t0, calls };
}

// ---------------------------------------------------------------------------------------
// The server's bare write rate: as many nodes and relationships as hotline's load wrote,
// created in transactions of the same size with no lookup, no MERGE and no property index.
// No loader of that graph can beat it on this server, so it bounds every ratio above.

const BARE_WRITE = `
UNWIND $rows AS row
CREATE (a:BareWrite {id: row.id})
FOREACH (i IN range(2, row.nodes) | CREATE (:BareWrite {id: row.id + '/' + i}))
WITH a, row
UNWIND range(1, row.rels) AS k
CREATE (a)-[:BARE_WRITE {k: k}]->(a)`;

async function runBareWrite(
  client: GraphClient,
  shape: { calls: number; nodes: number; relationships: number; transactions: number },
): Promise<number> {
  const { calls, nodes, relationships, transactions } = shape;
  // Spread nodes and relationships evenly over the calls (Bresenham), then calls over transactions.
  const share = (total: number, i: number) =>
    Math.floor(((i + 1) * total) / calls) - Math.floor((i * total) / calls);
  const t0 = performance.now();
  for (let t = 0; t < transactions; t++) {
    const from = Math.floor((t * calls) / transactions);
    const to = Math.floor(((t + 1) * calls) / transactions);
    const rows: Array<{ id: string; nodes: number; rels: number }> = [];
    for (let i = from; i < to; i++)
      rows.push({ id: `bare-${i}`, nodes: Math.max(1, share(nodes, i)), rels: share(relationships, i) });
    await client.write((tx) => tx.run(BARE_WRITE, { rows }));
  }
  return performance.now() - t0;
}

// ---------------------------------------------------------------------------------------
// The benchmark.

export interface LoadRun {
  what: string;
  readouts: number;
  calls: number;
  ms: number;
  callsPerSec: number;
  readoutsPerSec: number;
  batchSize?: number;
  summary?: LoadSummary;
  counts?: { nodes: number; relationships: number };
  /**
   * CPU seconds the load used in the client (this process), in the server's process, and in
   * the server's Bolt worker threads (absent before 2026-11-26 07:00 UTC).
   */
  cpu?: { clientSec: number; serverSec: number; boltSec?: number };
}

export interface LoadResults {
  neo4j: string;
  /** The bench server's heap and page cache (absent in results from before they were set). */
  memory?: string;
  readouts: number;
  calls: number;
  first: LoadRun;
  second: LoadRun;
  loadCsv: LoadRun & { csvWriteMs: number; perFile: Record<string, number> };
  /** The naive load's rate over both samples (absent before 2026-11-26: the first records only). */
  naive: LoadRun;
  naiveSamples?: { start: LoadRun; end: LoadRun };
  /** hotline's first load and LOAD CSV run once more, back to back, at the end (see below). */
  repeats?: { first: LoadRun; loadCsv: LoadRun };
  /** Bare creation of hotline's node and relationship counts: the server's ceiling. */
  bareWrite?: LoadRun;
  batchSizes: LoadRun[];
  bestBatchSize: number;
  growth: LoadRun[];
  growthExponent: number;
  load_vs_naive: number;
  /** The better of hotline's two first loads ÷ the better of the two LOAD CSV runs. */
  load_vs_loadcsv: number;
  /** The bare write rate ÷ the naive rate: the most any loader could reach on load_vs_naive here. */
  bare_vs_naive?: number;
  secondLoadSpeedup: number;
  resetMs: number[];
  /** Size on disk of the bench database after hotline's first load. */
  storeBytes: number | null;
  /** Mean time of `RETURN 1` inside an open write transaction (round trip + scheduling). */
  statementLatencyMs?: number;
  /** The same with a parameter of 1,000 small maps (~40 kB): what a batch's statement pays to travel. */
  paramLatencyMs?: number;
}

async function statementLatency(client: GraphClient, rows: object[] = []): Promise<number> {
  return client.write(async (tx) => {
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) await tx.run('RETURN size($rows) AS n', { rows });
    return (performance.now() - t0) / 50;
  });
}

/** CPU seconds a process or thread has used so far, from its /proc stat file. */
function cpuSecOf(statPath: string): number {
  // Fields after the command name, which may itself hold spaces: utime and stime are 14th and 15th.
  const fields = readFileSync(statPath, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // In clock ticks (USER_HZ), which Linux fixes at 100 a second for user space.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU time the bench server has used so far: its whole process (the Bolt workers, the JIT
 * compilers, GC, …) and its Bolt worker threads alone, which run the statements and commits
 * of the client's transactions. Null where /proc cannot be read.
 */
function serverCpuSec(): { process: number; bolt: number } | null {
  try {
    const pid = readFileSync(join(BENCH_NEO4J.NEO4J_HOME_DIR, 'neo4j.pid'), 'utf8').trim();
    let bolt = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      // Thread names are cut to 15 characters: "neo4j.BoltWorker-3" reads "neo4j.BoltWorke".
      if (readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('neo4j.BoltWorke'))
        bolt += cpuSecOf(`/proc/${pid}/task/${tid}/stat`);
    }
    const whole = cpuSecOf(`/proc/${pid}/stat`);
    return Number.isFinite(whole) && Number.isFinite(bolt) ? { process: whole, bolt } : null;
  } catch {
    return null;
  }
}

function storeSize(): number | null {
  try {
    const out = execFileSync('du', ['-sb', join(BENCH_NEO4J.NEO4J_HOME_DIR, 'data/databases/neo4j')], {
      encoding: 'utf8',
    });
    return Number(out.split(/\s/)[0]);
  } catch {
    return null;
  }
}

function rates(what: string, readouts: number, calls: number, ms: number): LoadRun {
  return {
    what,
    readouts,
    calls,
    ms: round(ms, 1),
    callsPerSec: round(calls / (ms / 1000), 1),
    readoutsPerSec: round(readouts / (ms / 1000), 1),
  };
}

export interface LoadPlan {
  /** Extractions of the largest corpus, in corpus order. */
  dumps: string[];
  /** Readouts of the main comparison (the whole dump). */
  readouts: number;
  /** Growth series (readouts), each a prefix of the dump. */
  sizes: number[];
  batchSizes: number[];
  /** Readouts for each batch-size run. */
  batchReadouts: number;
  /** Cap on the one-transaction-per-record baseline (calls). */
  naiveCalls: number;
  /** Readouts of the warm-up loads (the naive warm-up takes a tenth as many calls, at most 200). */
  warmReadouts: number;
  out: string;
}

export async function runLoadBench(plan: LoadPlan): Promise<LoadResults> {
  const knowledge = await loadKnowledge();
  const context = graphContext(knowledge);
  const server = await openBenchServer();
  const { client } = server;
  const resetMs: number[] = [];
  const reset = async () => {
    const t0 = performance.now();
    await emptyBenchGraph(client);
    await resetGraph(client);
    resetMs.push(round(performance.now() - t0, 1));
  };
  const hotlineLoad = async (what: string, readouts: number, batchSize: number): Promise<LoadRun> => {
    const client0 = process.cpuUsage();
    const server0 = serverCpuSec();
    const t0 = performance.now();
    const summary = await loadExtractions(client, readExtractions(plan.dumps, readouts), context, {
      batchSize,
    });
    const ms = performance.now() - t0;
    const used = process.cpuUsage(client0);
    const server1 = serverCpuSec();
    const n = summary.readouts.new + summary.readouts.unchanged + summary.readouts.updated;
    const cpu =
      server0 !== null && server1 !== null
        ? {
            clientSec: round((used.user + used.system) / 1e6, 2),
            serverSec: round(server1.process - server0.process, 2),
            boltSec: round(server1.bolt - server0.bolt, 2),
          }
        : undefined;
    return { ...rates(what, n, summary.calls.reported, ms), batchSize, summary, cpu };
  };
  try {
    log(`load: Neo4j ${server.version} (${server.memory}); ${plan.readouts} readouts`);
    await reset();

    // Warm-up: a fresh JVM compiles and plans slowly; give each kind of load a small run first.
    const warm = Math.min(plan.readouts, plan.warmReadouts);
    await hotlineLoad('warm-up', warm, DEFAULT_LOAD_OPTIONS.batchSize);
    await reset();
    const warmDir = join(plan.out, 'load-csv-warmup');
    await writeCsv(plan.dumps, warm, warmDir, context);
    await runLoadCsv(client, warmDir);
    await reset();
    await runNaive(client, plan.dumps, warm, Math.min(200, Math.ceil(warm / 10)), context);
    const statementLatencyMs = round(await statementLatency(client), 2);
    const paramRows = Array.from({ length: 1_000 }, (_, i) => ({ id: `leader-${i}`, name: `Leader ${i}` }));
    const paramLatencyMs = round(await statementLatency(client, paramRows), 2);
    log(
      `load: warmed up; a statement in an open transaction takes ${statementLatencyMs} ms, ${paramLatencyMs} ms with a 1,000-row parameter`,
    );

    // Growth series (smaller sizes first; the largest is the main run below).
    const growth: LoadRun[] = [];
    for (const n of plan.sizes.filter((s) => s < plan.readouts)) {
      await reset();
      const run = await hotlineLoad(`hotline load of ${n} readouts`, n, DEFAULT_LOAD_OPTIONS.batchSize);
      log(`load: ${run.what}: ${run.callsPerSec} calls/s`);
      growth.push(run);
    }

    // hotline, first and second (unchanged) load.
    await reset();
    const first = await hotlineLoad(
      'hotline loadExtractions (first load)',
      plan.readouts,
      DEFAULT_LOAD_OPTIONS.batchSize,
    );
    const counts = await countGraph(client);
    first.counts = counts;
    const storeBytes = storeSize();
    log(
      `load: ${first.what}: ${first.calls} calls in ${(first.ms / 1000).toFixed(1)} s = ${first.callsPerSec} calls/s`,
    );
    growth.push({ ...first, what: `hotline load of ${plan.readouts} readouts` });
    const second = await hotlineLoad(
      'hotline loadExtractions (second, unchanged load)',
      plan.readouts,
      DEFAULT_LOAD_OPTIONS.batchSize,
    );
    // The second load writes nothing: rate it by the calls it had to check.
    Object.assign(second, rates(second.what, second.readouts, first.calls, second.ms));
    log(
      `load: ${second.what}: ${(second.ms / 1000).toFixed(1)} s (${second.summary?.readouts.unchanged} unchanged)`,
    );

    // The bare write ceiling, shaped like hotline's first load.
    await reset();
    const bareMs = await runBareWrite(client, {
      calls: first.calls,
      nodes: counts.nodes,
      relationships: counts.relationships,
      transactions: Math.ceil(first.readouts / DEFAULT_LOAD_OPTIONS.batchSize),
    });
    const bareWrite = {
      ...rates('bare CREATE of the same node and relationship counts', first.readouts, first.calls, bareMs),
      counts,
    };
    log(`load: bare write ceiling: ${bareWrite.callsPerSec} calls/s`);

    // LOAD CSV of the same facts.
    await reset();
    const csvDir = join(plan.out, 'load-csv');
    const tw = performance.now();
    const written = await writeCsv(plan.dumps, plan.readouts, csvDir, context);
    const csvWriteMs = performance.now() - tw;
    const csv = await runLoadCsv(client, csvDir);
    const loadCsv = {
      ...rates('LOAD CSV … CALL { } IN TRANSACTIONS OF 1000 ROWS', written.readouts, written.calls, csv.ms),
      csvWriteMs: round(csvWriteMs, 1),
      perFile: csv.perFile,
      counts: await countGraph(client),
    };
    log(
      `load: LOAD CSV: ${loadCsv.calls} calls in ${(loadCsv.ms / 1000).toFixed(1)} s = ${loadCsv.callsPerSec} calls/s (+${(csvWriteMs / 1000).toFixed(1)} s writing CSV)`,
    );

    // One transaction per record. A record costs the naive load more while the graph is
    // empty (its MERGEs create most leaders, states and topics early on) than once they exist,
    // so its rate is sampled at both ends of the dump: the first records into an empty graph,
    // then the last ones on top of hotline's load of everything before them. Its rate is both
    // samples' calls over both samples' time.
    await reset();
    const naiveFirst = await runNaive(client, plan.dumps, plan.readouts, plan.naiveCalls, context);
    const naiveStart = rates(
      'naive: first records, empty graph',
      Number.NaN,
      naiveFirst.calls,
      naiveFirst.ms,
    );
    log(`load: naive, first records: ${naiveStart.calls} calls = ${naiveStart.callsPerSec} calls/s`);
    await reset();
    const held = Math.min(plan.readouts - 1, plan.naiveCalls);
    const before = await hotlineLoad(
      'before the naive tail',
      plan.readouts - held,
      DEFAULT_LOAD_OPTIONS.batchSize,
    );
    const naiveLast = await runNaive(
      client,
      plan.dumps,
      plan.readouts,
      plan.naiveCalls,
      context,
      plan.readouts - held,
    );
    const naiveEnd = rates(
      `naive: records after the first ${before.readouts.toLocaleString('en-US')} readouts`,
      Number.NaN,
      naiveLast.calls,
      naiveLast.ms,
    );
    log(`load: naive, last records: ${naiveEnd.calls} calls = ${naiveEnd.callsPerSec} calls/s`);
    const naive = rates(
      'one transaction per call record',
      Number.NaN,
      naiveFirst.calls + naiveLast.calls,
      naiveFirst.ms + naiveLast.ms,
    );
    log(`load: naive, both samples: ${naive.callsPerSec} calls/s`);

    // Batch sizes.
    const batchSizes: LoadRun[] = [];
    for (const b of plan.batchSizes) {
      await reset();
      const run = await hotlineLoad(`hotline load, batchSize ${b}`, plan.batchReadouts, b);
      log(`load: batchSize ${b}: ${run.callsPerSec} calls/s`);
      batchSizes.push(run);
    }
    const best = [...batchSizes].sort((a, b) => b.callsPerSec - a.callsPerSec)[0];

    // LOAD CSV's rate drifted by ±10% between runs of the day, as much as the margin of
    // load_vs_loadcsv: run both loads once more, back to back, and compare the better of each.
    await reset();
    const firstAgain = await hotlineLoad(
      'hotline loadExtractions (first load, repeat)',
      plan.readouts,
      DEFAULT_LOAD_OPTIONS.batchSize,
    );
    log(`load: ${firstAgain.what}: ${firstAgain.callsPerSec} calls/s`);
    await reset();
    const csvAgain = await runLoadCsv(client, csvDir);
    const loadCsvAgain = rates(`${loadCsv.what} (repeat)`, written.readouts, written.calls, csvAgain.ms);
    log(`load: LOAD CSV (repeat): ${loadCsvAgain.callsPerSec} calls/s`);
    await reset();
    const bestRate = (...runs: LoadRun[]) => Math.max(...runs.map((r) => r.callsPerSec));

    return {
      neo4j: server.version,
      memory: server.memory,
      readouts: first.readouts,
      calls: first.calls,
      first,
      second,
      loadCsv,
      naive,
      naiveSamples: { start: naiveStart, end: naiveEnd },
      repeats: { first: { ...firstAgain, summary: undefined }, loadCsv: loadCsvAgain },
      bareWrite,
      batchSizes,
      bestBatchSize: best?.batchSize ?? DEFAULT_LOAD_OPTIONS.batchSize,
      growth,
      growthExponent: round(growthExponent(growth.map((g) => [g.readouts, g.ms])), 3),
      load_vs_naive: round(bestRate(first, firstAgain) / naive.callsPerSec, 2),
      load_vs_loadcsv: round(bestRate(first, firstAgain) / bestRate(loadCsv, loadCsvAgain), 3),
      bare_vs_naive: round(bareWrite.callsPerSec / naive.callsPerSec, 2),
      secondLoadSpeedup: round(first.ms / second.ms, 2),
      resetMs,
      storeBytes,
      statementLatencyMs,
      paramLatencyMs,
    };
  } finally {
    await server.close();
  }
}
