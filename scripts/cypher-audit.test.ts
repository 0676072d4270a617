/**
 * Every Cypher statement in the code is a fixed text with $parameters. This audit reads the
 * sources and fails on a statement built from pieces (a template literal with ${…}, or a
 * string concatenation) passed to run, executeQuery or the loader's pipelined send. The one
 * deliberate exception, prefixing a console user's already-guarded query with EXPLAIN, is
 * marked with `cypher-audit: allow`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.ts$/.test(name) && !/\.test\.ts$/.test(name)) out.push(path);
  }
  return out;
}

/** The first argument of each call to run( or executeQuery(, as source text. */
function firstArguments(code: string): Array<{ line: number; argument: string; allowed: boolean }> {
  const found: Array<{ line: number; argument: string; allowed: boolean }> = [];
  for (const match of code.matchAll(/\b(?:run|send|executeQuery)\(/g)) {
    let depth = 0;
    let i = match.index + match[0].length;
    const start = i;
    let quote: string | null = null;
    for (; i < code.length; i++) {
      const ch = code[i]!;
      if (quote) {
        if (ch === '\\') i++;
        else if (ch === quote) quote = null;
        continue;
      }
      if (ch === '`' || ch === "'" || ch === '"') quote = ch;
      else if ('([{'.includes(ch)) depth++;
      else if (')]}'.includes(ch)) {
        if (depth === 0) break;
        depth--;
      } else if (ch === ',' && depth === 0) break;
    }
    const line = code.slice(0, match.index).split('\n').length;
    const previous = code.split('\n')[line - 2] ?? '';
    found.push({
      line,
      argument: code.slice(start, i).trim(),
      allowed: /cypher-audit: allow/.test(previous),
    });
  }
  return found;
}

function isBuiltStatement(argument: string): boolean {
  return (/^`/.test(argument) && argument.includes('${')) || /['"`]\s*\+|\+\s*['"`]/.test(argument);
}

describe('Cypher in the code', () => {
  it('is never built from pieces', () => {
    const offenders: string[] = [];
    let statements = 0;
    for (const file of sources(resolve(ROOT, 'packages'))) {
      for (const call of firstArguments(readFileSync(file, 'utf8'))) {
        statements += 1;
        if (isBuiltStatement(call.argument) && !call.allowed)
          offenders.push(`${relative(ROOT, file)}:${call.line}: ${call.argument}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(statements).toBeGreaterThan(20);
  });

  it('recognises a statement built from user text', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the audit's own example of a built statement
    expect(isBuiltStatement('`MATCH (n {name: "${name}"}) RETURN n`')).toBe(true);
    expect(isBuiltStatement("'MATCH (n) WHERE n.name = ' + name")).toBe(true);
    expect(isBuiltStatement('Q.MERGE_LEADERS')).toBe(false);
    expect(isBuiltStatement("'MATCH (n {name: $name}) RETURN n'")).toBe(false);
  });
});
