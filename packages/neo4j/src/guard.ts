/**
 * First line of defence for user Cypher, before the server's own: a lexical check that finds
 * what a read transaction alone would not stop (LOAD CSV reads files, procedures may write or
 * administer, several statements hide one behind another). Comments and string literals are
 * blanked first so that neither hides nor fakes a keyword.
 */
import { HotlineError } from '@hotline/model';

/** Procedures and functions a console user may CALL: read-only introspection only. */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.indexes',
  'db.constraints',
]);

/** Removes comments and the contents of string literals and backtick names, keeping offsets. */
export function blankLiterals(cypher: string): string {
  let out = '';
  let i = 0;
  while (i < cypher.length) {
    const ch = cypher[i]!;
    const next = cypher[i + 1];
    if (ch === '/' && next === '/') {
      while (i < cypher.length && cypher[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (ch === '/' && next === '*') {
      const end = cypher.indexOf('*/', i + 2);
      const stop = end === -1 ? cypher.length : end + 2;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      out += ch;
      i++;
      while (i < cypher.length && cypher[i] !== ch) {
        if (cypher[i] === '\\' && ch !== '`') {
          out += '  ';
          i += 2;
          continue;
        }
        out += cypher[i] === '\n' ? '\n' : ' ';
        i++;
      }
      if (i < cypher.length) {
        out += ch;
        i++;
      }
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bLOAD\s+CSV\b/i, 'LOAD CSV reads files and URLs'],
  [/\bPERIODIC\s+COMMIT\b/i, 'USING PERIODIC COMMIT writes in batches'],
  [/\bIN\s+(\d+\s+)?(CONCURRENT\s+)?TRANSACTIONS\b/i, 'CALL { … } IN TRANSACTIONS writes in batches'],
  // Keywords, not property names or map keys: `n.start` and `{set: 1}` are reads.
  [
    /(?<![.$\w])(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|FOREACH|GRANT|DENY|REVOKE|ALTER|RENAME|START|STOP|TERMINATE)\b(?!\s*:)/i,
    'it writes or changes the schema',
  ],
  [/(?<![.$\w])USE\b(?!\s*:)/i, 'USE switches databases'],
  [/(?<![.$\w])SHOW\b(?!\s*:)/i, 'SHOW administration commands are not available'],
];

/**
 * Throws CYPHER_WRITE_REFUSED naming the reason when a query is not a plain read.
 * The server-side checks (EXPLAIN query type, read transaction) still run after this.
 */
export function assertReadOnlyCypher(cypher: string): void {
  if (typeof cypher !== 'string' || cypher.trim() === '') {
    throw new HotlineError('INVALID_ARGUMENT', 'query: the Cypher text is empty');
  }
  const bare = blankLiterals(cypher.normalize('NFKC'));
  if (/[^\t\n\r -~]/.test(bare)) {
    // Outside literals, only ASCII: homoglyphs and invisible characters could disguise keywords.
    throw new HotlineError(
      'CYPHER_WRITE_REFUSED',
      'query refused: it has non-ASCII characters outside string literals',
    );
  }
  const withoutTrailing = bare.replace(/;\s*$/, '');
  if (withoutTrailing.includes(';')) {
    throw new HotlineError('CYPHER_WRITE_REFUSED', 'query refused: only one statement at a time');
  }
  for (const [pattern, reason] of FORBIDDEN) {
    const match = pattern.exec(withoutTrailing);
    if (match) {
      throw new HotlineError(
        'CYPHER_WRITE_REFUSED',
        `query refused: '${match[0]}' is not allowed because ${reason}; queries here are read-only`,
      );
    }
  }
  for (const match of withoutTrailing.matchAll(/\bCALL\s+([A-Za-z_][\w.]*)\s*\(?/gi)) {
    const name = match[1]!.toLowerCase();
    if (!ALLOWED_PROCEDURES.has(name)) {
      throw new HotlineError(
        'CYPHER_WRITE_REFUSED',
        `query refused: procedure '${match[1]}' is not on the read-only allowlist`,
      );
    }
  }
  // Functions with side effects or file access (apoc.*, dbms.*, db.* functions other than reads).
  const fn = /\b(apoc|dbms|gds)\s*\.\s*[\w.]+\s*\(/i.exec(withoutTrailing);
  if (fn) {
    throw new HotlineError(
      'CYPHER_WRITE_REFUSED',
      `query refused: '${fn[0].replace(/\s+/g, '')}' is not allowed in read-only queries`,
    );
  }
}
