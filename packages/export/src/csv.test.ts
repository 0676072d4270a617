import type { GraphData } from '@hotline/model';
import { describe, expect, it } from 'vitest';
import { createFixtureGraph, GUTERRES, PUTIN } from '../test/fixtures/graph.ts';
import { createCsvExport } from './csv.ts';

const graph = createFixtureGraph();

function header(file: string | undefined): string {
  return file?.split('\n')[0] ?? '';
}

describe('neo4j-admin CSV', () => {
  it('writes one nodes file per label and one relationships file per type, with a README', () => {
    const { files } = createCsvExport(graph);
    expect(Object.keys(files)).toEqual([
      'nodes-Leader.csv',
      'nodes-State.csv',
      'nodes-Organization.csv',
      'nodes-Topic.csv',
      'nodes-Call.csv',
      'nodes-Readout.csv',
      'relationships-CALLED.csv',
      'relationships-TOOK_PART.csv',
      'relationships-ABOUT.csv',
      'relationships-REPORTS.csv',
      'relationships-LEADS.csv',
      'relationships-MENTIONS.csv',
      'README.txt',
    ]);
  });

  it('types node headers the way neo4j-admin reads them', () => {
    const { files } = createCsvExport(graph);
    expect(header(files['nodes-Leader.csv'])).toBe(
      'id:ID,name,aliases:string[],verified:boolean,leader:boolean,state,role,:LABEL',
    );
    expect(header(files['nodes-State.csv'])).toBe(
      'code:ID,name,region,subregion,lat:double,lng:double,:LABEL',
    );
    expect(header(files['nodes-Call.csv'])).toBe(
      'id:ID,date:date,dates:date[],mode,multilateral:boolean,initiators:string[],:LABEL',
    );
    expect(header(files['nodes-Readout.csv'])).toBe('id:ID,url,publisher,published:date,title,source,:LABEL');
  });

  it('types relationship headers with :START_ID, :END_ID and :TYPE', () => {
    const { files } = createCsvExport(graph);
    expect(header(files['relationships-CALLED.csv'])).toBe(
      ':START_ID,:END_ID,:TYPE,call,date:date,mode,themes:string[]',
    );
    expect(header(files['relationships-TOOK_PART.csv'])).toBe(':START_ID,:END_ID,:TYPE,initiator:boolean');
    expect(header(files['relationships-LEADS.csv'])).toBe(':START_ID,:END_ID,:TYPE,role,from:date,to:date');
    expect(header(files['relationships-ABOUT.csv'])).toBe(':START_ID,:END_ID,:TYPE');
  });

  it('quotes strings, joins arrays with the delimiter and leaves missing values empty', () => {
    const { files } = createCsvExport(graph);
    const lines = files['nodes-Leader.csv']?.split('\n') ?? [];
    expect(lines[1]).toBe(
      `"${PUTIN}","Vladimir Putin","Putin;V. V. Putin",true,true,"RUS","President",Leader`,
    );
    expect(lines[3]).toBe('"olaf-scholz","Olaf Scholz",,true,true,"DEU","Chancellor",Leader');
    expect(lines[4]).toContain(`"${GUTERRES}","António Guterres","Guterres, António"`);
    expect(files['nodes-Readout.csv']).toContain(`"Telephone conversation with France's President"`);
    expect(files['nodes-Readout.csv']?.split('\n')[4]).toBe(
      '"r-un","https://press.un.org/c","United Nations",,,"samples/un.txt",Readout',
    );
    expect(files['relationships-CALLED.csv']?.split('\n')[1]).toBe(
      '"emmanuel-macron","vladimir-putin",CALLED,"c-0000000000000000000a",2024-01-10,"phone","defense-security;energy"',
    );
  });

  it('gives the exact import command, also in README.txt', () => {
    const { command, files } = createCsvExport(graph, { database: 'calls' });
    expect(command).toBe(
      "neo4j-admin database import full calls --overwrite-destination --array-delimiter=';' " +
        '--nodes=nodes-Leader.csv --nodes=nodes-State.csv --nodes=nodes-Organization.csv --nodes=nodes-Topic.csv ' +
        '--nodes=nodes-Call.csv --nodes=nodes-Readout.csv --relationships=relationships-CALLED.csv ' +
        '--relationships=relationships-TOOK_PART.csv --relationships=relationships-ABOUT.csv ' +
        '--relationships=relationships-REPORTS.csv --relationships=relationships-LEADS.csv ' +
        '--relationships=relationships-MENTIONS.csv',
    );
    expect(files['README.txt']).toContain(command);
    expect(files['README.txt']).toContain(
      'CREATE CONSTRAINT IF NOT EXISTS FOR (n:State) REQUIRE n.code IS UNIQUE;',
    );
  });

  it('asks for multiline fields when readout text is included', () => {
    const { command, files } = createCsvExport(graph, { includeText: true });
    expect(command).toContain('--multiline-fields=true');
    expect(files['nodes-Readout.csv']).toContain(
      '"The President spoke with ""Vladimir Putin"",\nabout Ukraine."',
    );
  });

  it('picks another array delimiter when a list item holds a semicolon', () => {
    const withSemicolon: GraphData = {
      nodes: [{ id: 'x', label: 'Leader', properties: { id: 'x', name: 'X', aliases: ['a;b', 'c'] } }],
      edges: [],
    };
    const { command, files } = createCsvExport(withSemicolon);
    expect(command).toContain("--array-delimiter='|'");
    expect(files['nodes-Leader.csv']).toContain('"a;b|c"');
  });

  it('writes dates as strings when neo4jDates is off', () => {
    const { files } = createCsvExport(graph, { neo4jDates: false });
    expect(header(files['nodes-Call.csv'])).toBe(
      'id:ID,date,dates:string[],mode,multilateral:boolean,initiators:string[],:LABEL',
    );
  });

  it('rejects a database name that is not one', () => {
    expect(() => createCsvExport(graph, { database: 'neo4j; rm -rf /' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});
