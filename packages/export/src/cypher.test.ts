import type { GraphData } from '@hotline/model';
import { describe, expect, it } from 'vitest';
import { C1, createFixtureGraph, MACRON, PUTIN } from '../test/fixtures/graph.ts';
import {
  createCypherScript,
  createCypherStatements,
  cypherLiteral,
  cypherName,
  cypherString,
} from './cypher.ts';

const graph = createFixtureGraph();

/** A small reader for the literals the script uses, so the script can be checked against the parameters. */
function readLiteral(text: string): unknown {
  let i = 0;
  const skip = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const expect_ = (char: string) => {
    skip();
    if (text[i] !== char) throw new Error(`expected ${char} at ${i}: ${text.slice(i, i + 20)}`);
    i++;
  };
  const readString = (): string => {
    expect_("'");
    let out = '';
    while (text[i] !== "'") {
      if (text[i] === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        out += { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'" }[next ?? ''] ?? '';
        i += 2;
      } else out += text[i++];
    }
    i++;
    return out;
  };
  const readName = (): string => {
    skip();
    if (text[i] === '`') {
      let name = '';
      i++;
      for (;;) {
        if (text[i] === '`' && text[i + 1] === '`') {
          name += '`';
          i += 2;
        } else if (text[i] === '`') {
          i++;
          return name;
        } else name += text[i++];
      }
    }
    const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    i += match?.[0].length ?? 0;
    return match?.[0] ?? '';
  };
  const readValue = (): unknown => {
    skip();
    const char = text[i];
    if (char === "'") return readString();
    if (char === '[') {
      i++;
      const items: unknown[] = [];
      skip();
      while (text[i] !== ']') {
        items.push(readValue());
        skip();
        if (text[i] === ',') i++;
        skip();
      }
      i++;
      return items;
    }
    if (char === '{') {
      i++;
      const map: Record<string, unknown> = {};
      skip();
      while (text[i] !== '}') {
        const key = readName();
        expect_(':');
        map[key] = readValue();
        skip();
        if (text[i] === ',') i++;
        skip();
      }
      i++;
      return map;
    }
    if (text.startsWith('date(', i)) {
      i += 5;
      const value = readString();
      expect_(')');
      return value;
    }
    const word = /^(true|false|null|-?[0-9.eE+-]+)/.exec(text.slice(i))?.[0] ?? '';
    i += word.length;
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
  };
  const value = readValue();
  skip();
  if (i !== text.length) throw new Error(`trailing text at ${i}: ${text.slice(i, i + 20)}`);
  return value;
}

describe('Cypher', () => {
  it('creates constraints, then merges nodes by label and relationships by type', () => {
    const statements = createCypherStatements(graph);
    expect(statements[0]).toEqual({
      statement: 'CREATE CONSTRAINT IF NOT EXISTS FOR (n:Leader) REQUIRE n.id IS UNIQUE',
      parameters: {},
    });
    const leaders = statements.find((s) => s.statement.includes('MERGE (n:Leader'));
    expect(leaders?.statement).toBe(
      'UNWIND $rows AS row\nMERGE (n:Leader {id: row.key})\nSET n += row.props',
    );
    expect((leaders!.parameters.rows as unknown[])[0]).toEqual({
      key: PUTIN,
      props: {
        name: 'Vladimir Putin',
        aliases: ['Putin', 'V. V. Putin'],
        verified: true,
        leader: true,
        state: 'RUS',
        role: 'President',
      },
      dates: {},
    });
    const calls = statements.find((s) => s.statement.includes('MERGE (n:Call'));
    expect(calls?.statement).toBe(
      'UNWIND $rows AS row\nMERGE (n:Call {id: row.key})\nSET n += row.props\n' +
        'SET n.date = date(row.dates.date), n.dates = [d IN row.dates.dates | date(d)]',
    );
    const states = statements.find((s) => s.statement.includes('MERGE (n:State'));
    expect(states?.statement).toContain('MERGE (n:State {code: row.key})');
  });

  it('merges parallel CALLED relationships on their call, LEADS on role and start', () => {
    const statements = createCypherStatements(graph);
    const called = statements.filter((s) => s.statement.includes(':CALLED'));
    expect(called[0]?.statement).toBe(
      'UNWIND $rows AS row\nMATCH (a:Leader {id: row.source})\nMATCH (b:Leader {id: row.target})\n' +
        'MERGE (a)-[r:CALLED {`call`: row.props.`call`}]->(b)\nSET r += row.props\nSET r.date = date(row.dates.date)',
    );
    expect(called.flatMap((s) => s.parameters.rows as unknown[])).toHaveLength(5);
    const leads = statements.filter((s) => s.statement.includes(':LEADS'));
    expect(leads.map((s) => s.statement.split('\n')[1])).toEqual([
      'MATCH (a:Leader {id: row.source})',
      'MATCH (a:Leader {id: row.source})',
    ]);
    expect(leads[0]?.statement).toContain('MATCH (b:State {code: row.target})');
    expect(leads[0]?.statement).toContain(
      'MERGE (a)-[r:LEADS {role: row.props.role, `from`: date(row.dates.`from`)}]->(b)',
    );
    expect(leads[1]?.statement).toContain('MATCH (b:Organization {code: row.target})');
  });

  it('splits rows into batches of batchSize', () => {
    const statements = createCypherStatements(graph, { batchSize: 2, constraints: false });
    const leaderBatches = statements.filter((s) => s.statement.includes('MERGE (n:Leader'));
    expect(leaderBatches.map((s) => (s.parameters.rows as unknown[]).length)).toEqual([2, 2]);
    expect(statements.some((s) => s.statement.startsWith('CREATE CONSTRAINT'))).toBe(false);
  });

  it('writes a script whose literals carry the same rows as the driver parameters', () => {
    const statements = createCypherStatements(graph, { includeText: true });
    const script = createCypherScript(graph, { includeText: true });
    const bodies = script
      .split(';\n')
      .map((part) => part.replace(/^(\s*\/\/.*\n)*/, '').trim())
      .filter((part) => part.length > 0);
    expect(bodies).toHaveLength(statements.length);
    bodies.forEach((body, k) => {
      const { statement, parameters } = statements[k]!;
      if (!('rows' in parameters)) {
        expect(body).toBe(statement);
        return;
      }
      const [head, tail] = statement.split('$rows');
      expect(body.startsWith(head!)).toBe(true);
      expect(body.endsWith(tail!)).toBe(true);
      const literal = body.slice(head!.length, body.length - tail!.length);
      expect(readLiteral(literal)).toEqual(JSON.parse(JSON.stringify(parameters.rows)));
    });
  });

  it('writes dates in the script as date() literals', () => {
    const script = createCypherScript(graph);
    expect(script).toContain(
      `{key: '${C1}', props: {mode: 'phone', multilateral: true`.replace('true', 'false'),
    );
    expect(script).toContain(
      "dates: {date: date('2024-01-10'), dates: [date('2024-01-10'), date('2024-01-11')]}",
    );
  });

  it('escapes quotes, backslashes and line breaks in string literals', () => {
    expect(cypherString("it's")).toBe("'it\\'s'");
    expect(cypherString('a\\b')).toBe("'a\\\\b'");
    expect(cypherString('line\nbreak\ttab\u0000')).toBe("'line\\nbreak\\ttab\\u0000'");
    expect(cypherString('"double"')).toBe(`'"double"'`);
  });

  it('keeps hostile text inside its literal', () => {
    const hostile = "x'}]->() DETACH DELETE n //\n MATCH (n) DELETE n";
    const data: GraphData = {
      nodes: [{ id: MACRON, label: 'Leader', properties: { id: MACRON, name: hostile, 'odd key`': 1 } }],
      edges: [],
    };
    const script = createCypherScript(data, { constraints: false });
    const body = script
      .split('\n')
      .filter((line) => !line.startsWith('//'))
      .join('\n');
    const literal = body.slice(body.indexOf('['), body.lastIndexOf(']') + 1);
    expect(readLiteral(literal)).toEqual([
      { key: MACRON, props: { name: hostile, 'odd key`': 1 }, dates: {} },
    ]);
    expect(cypherName('odd key`')).toBe('`odd key```');
  });

  it('writes numbers as floats, like the driver sends them', () => {
    expect(cypherLiteral(60)).toBe('60.0');
    expect(cypherLiteral(2.5)).toBe('2.5');
    expect(cypherLiteral(1e21)).toBe('1e21');
    expect(cypherLiteral(Number.NaN)).toBe('null');
  });

  it('quotes property names that are keywords', () => {
    expect(cypherName('from')).toBe('`from`');
    expect(cypherName('date')).toBe('date');
  });

  it('leaves dates as strings when neo4jDates is off', () => {
    const statements = createCypherStatements(graph, { neo4jDates: false });
    expect(statements.some((s) => s.statement.includes('date('))).toBe(false);
  });
});
