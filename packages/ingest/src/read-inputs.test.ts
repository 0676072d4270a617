import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readInputs } from './read-inputs.ts';
import type { InputFailure, ReadoutInput } from './types.ts';

async function collect(paths: string[], options = {}) {
  const out: Array<ReadoutInput | InputFailure> = [];
  for await (const item of readInputs(paths, options)) out.push(item);
  return out;
}

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hotline-in-'));
  await mkdir(join(dir, 'sub'));
  await writeFile(join(dir, 'a.txt'), 'Leader A spoke with Leader B.');
  await writeFile(
    join(dir, 'a.meta.json'),
    JSON.stringify({ publisher: 'Example Office', published: '2024-01-02' }),
  );
  await writeFile(join(dir, 'a.gold.json'), '{"calls": []}');
  await writeFile(
    join(dir, 'sub', 'b.html'),
    '<html><head><title>T</title><script>x()</script></head><body><nav>Menu</nav><h1>Call</h1><p>Body &amp; text.</p></body></html>',
  );
  await writeFile(join(dir, 'sub', 'c.jsonl'), '{"id":"r1","text":"One."}\n{broken\n{"text":""}\n');
  await writeFile(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3]));
  return dir;
}

describe('readInputs', () => {
  it('reads folders recursively, applies sidecars and skips gold files', async () => {
    const dir = await folder();
    const items = await collect([dir]);
    const ok = items.filter((i): i is ReadoutInput => !('error' in i));
    const a = ok.find((i) => i.source.endsWith('a.txt'))!;
    expect(a.meta).toMatchObject({ publisher: 'Example Office', published: '2024-01-02' });
    expect(items.some((i) => i.source.includes('gold'))).toBe(false);
    const html = ok.find((i) => i.source.endsWith('b.html'))!;
    expect(html.text).toBe('Call\n\nBody & text.');
    expect(html.meta.title).toBe('Call');
    expect(ok.find((i) => i.source.endsWith('c.jsonl#r1'))?.text).toBe('One.');
  });

  it("takes a saved page's site name and canonical address when no sidecar gives them", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hotline-in-'));
    const page = (extra: string) =>
      `<html><head>${extra}<meta property="og:site_name" content="President of Ruritania"></head><body><p>Text.</p></body></html>`;
    await writeFile(
      join(dir, 'saved.html'),
      page('<link rel="canonical" href="https://example.org/news/1">'),
    );
    await writeFile(join(dir, 'relative.html'), page('<link rel="canonical" href="/news/2">'));
    await writeFile(join(dir, 'relative.meta.json'), JSON.stringify({ publisher: 'Sidecar Office' }));
    const ok = (await collect([dir])).filter((i): i is ReadoutInput => !('error' in i));
    const saved = ok.find((i) => i.source.endsWith('saved.html'))!;
    expect(saved.meta).toMatchObject({
      publisher: 'President of Ruritania',
      url: 'https://example.org/news/1',
    });
    const relative = ok.find((i) => i.source.endsWith('relative.html'))!;
    expect(relative.meta.publisher).toBe('Sidecar Office');
    expect(relative.meta.url).toBeUndefined();
  });

  it('reports bad documents one by one and goes on', async () => {
    const dir = await folder();
    const failures = (await collect([dir, join(dir, 'missing.txt')])).filter(
      (i): i is InputFailure => 'error' in i,
    );
    const reasons = failures.map((f) => `${f.source.replace(dir, '')}: ${f.error.code}`);
    expect(reasons).toEqual([
      '/bin.txt: INVALID_INPUT',
      '/sub/c.jsonl#2: INVALID_INPUT',
      '/sub/c.jsonl#3: INVALID_INPUT',
      '/missing.txt: NOT_FOUND',
    ]);
  });

  it('refuses documents over the size limit', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hotline-big-'));
    await writeFile(join(dir, 'big.txt'), 'x'.repeat(2048));
    const [item] = await collect([join(dir, 'big.txt')], { maxBytes: 1024 });
    expect((item as InputFailure).error.code).toBe('LIMIT_EXCEEDED');
  });

  it('reads standard input for "-"', async () => {
    const [item] = await collect(['-'], { stdin: Readable.from([Buffer.from('Hello from stdin.')]) });
    expect(item).toMatchObject({ source: '-', text: 'Hello from stdin.' });
  });
});
