/**
 * The I/O adapter: turns paths (files, folders read recursively, '-' for stdin) into
 * ReadoutInput records, or InputFailure records that name the file and the reason, so one
 * bad document never stops a batch. Text files may have a NAME.meta.json sidecar; *.gold.json
 * files are annotations, never inputs.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { HotlineError, type ReadoutMeta } from '@hotline/model';
import { htmlToText } from './html.ts';
import type { InputFailure, ReadInputsOptions, ReadoutInput } from './types.ts';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const INPUT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.html', '.htm', '.json', '.jsonl', '.ndjson']);

type Item = ReadoutInput | InputFailure;

function fail(
  source: string,
  code: 'INVALID_INPUT' | 'NOT_FOUND' | 'LIMIT_EXCEEDED',
  reason: string,
): InputFailure {
  return { source, error: new HotlineError(code, reason) };
}

export function isInputFailure(item: Item): item is InputFailure {
  return 'error' in item;
}

function isSkipped(name: string): boolean {
  return name.endsWith('.gold.json') || name.endsWith('.meta.json') || name.startsWith('.');
}

/** Project files that live beside readouts in a folder but are not readouts. */
function isFolderNoise(name: string): boolean {
  return /^(?:README|CHANGELOG|LICENSE|CONTRIBUTING)(?:\.[a-z]+)?$/i.test(name) || name === 'package.json';
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (
      e.isFile() &&
      INPUT_EXTENSIONS.has(extname(e.name).toLowerCase()) &&
      !isSkipped(e.name) &&
      !isFolderNoise(e.name)
    ) {
      yield full;
    }
  }
}

/** Decodes bytes as UTF-8 text, refusing binary data and invalid encodings. */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: 'empty file' };
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { reason: 'binary file (contains NUL bytes), expected UTF-8 text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { reason: 'not valid UTF-8 text (convert it to UTF-8 first)' };
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { reason: 'empty document (only whitespace)' };
  return { text };
}

function markdownToText(md: string): string {
  return md
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*])\*(?!\s)([^*\n]+)\*/g, '$1$2')
    .replace(/^>\s?/gm, '')
    .replace(/`([^`]+)`/g, '$1');
}

function pickMeta(record: Record<string, unknown>): Partial<ReadoutMeta> {
  const meta: Partial<ReadoutMeta> = {};
  for (const k of ['title', 'url', 'publisher', 'published', 'language'] as const) {
    const v = record[k];
    if (typeof v === 'string' || v === null) meta[k] = v;
  }
  if (typeof meta.published === 'string')
    meta.published = /\d{4}-\d{2}-\d{2}/.exec(meta.published)?.[0] ?? null;
  return meta;
}

function fromRecord(value: unknown, source: string): Item {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(source, 'INVALID_INPUT', 'record is not a JSON object with a "text" field');
  }
  const record = value as Record<string, unknown>;
  if (typeof record.text !== 'string') return fail(source, 'INVALID_INPUT', 'record has no "text" string');
  if (record.text.trim() === '') return fail(source, 'INVALID_INPUT', 'record has an empty "text"');
  return { source, text: record.text.replace(/\r\n?/g, '\n'), meta: pickMeta(record) };
}

function recordSource(path: string, record: unknown, position: string): string {
  const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `${path}#${id}` : `${path}#${position}`;
}

function parseDocument(path: string, text: string, kind: string, sidecar: Partial<ReadoutMeta>): Item[] {
  if (kind === '.json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return [fail(path, 'INVALID_INPUT', `malformed JSON (${(error as Error).message})`)];
    }
    if (Array.isArray(data)) return data.map((r, i) => fromRecord(r, recordSource(path, r, String(i + 1))));
    return [fromRecord(data, path)];
  }
  if (kind === '.jsonl' || kind === '.ndjson') {
    const out: Item[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const r = JSON.parse(line) as unknown;
        out.push(fromRecord(r, recordSource(path, r, String(i + 1))));
      } catch (error) {
        out.push(
          fail(`${path}#${i + 1}`, 'INVALID_INPUT', `malformed JSON line (${(error as Error).message})`),
        );
      }
    });
    if (out.length === 0) return [fail(path, 'INVALID_INPUT', 'no records in JSON Lines file')];
    return out;
  }
  if (kind === '.html' || kind === '.htm') {
    const html = htmlToText(text);
    if (html.text.trim() === '')
      return [fail(path, 'INVALID_INPUT', 'HTML page has no text after removing markup')];
    const meta = { ...sidecar };
    if (!meta.title && html.title) meta.title = html.title;
    if (!meta.published && html.published) meta.published = html.published;
    // A saved page still says whose it is: the reporting side is read from these.
    if (!meta.publisher && html.siteName) meta.publisher = html.siteName;
    if (!meta.url && html.url) meta.url = html.url;
    return [{ source: path, text: html.text, meta }];
  }
  const body = kind === '.md' || kind === '.markdown' ? markdownToText(text) : text;
  return [{ source: path, text: body, meta: { ...sidecar } }];
}

function sniffKind(text: string): string {
  const t = text.trimStart();
  if (/^<(?:!doctype|html|head|body|div|p|article)\b/i.test(t)) return '.html';
  if (t.startsWith('[') || (t.startsWith('{') && !/\}\s*\n\s*\{/.test(t))) return '.json';
  if (t.startsWith('{')) return '.jsonl';
  return '.txt';
}

async function readSidecar(path: string): Promise<Partial<ReadoutMeta> | InputFailure> {
  const ext = extname(path);
  const sidecar = join(
    path.slice(0, path.length - basename(path).length),
    `${basename(path, ext)}.meta.json`,
  );
  let raw: string;
  try {
    raw = await readFile(sidecar, 'utf8');
  } catch {
    return {};
  }
  try {
    const data = JSON.parse(raw) as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw new Error('expected an object');
    return pickMeta(data as Record<string, unknown>);
  } catch (error) {
    return fail(path, 'INVALID_INPUT', `sidecar ${sidecar} is malformed (${(error as Error).message})`);
  }
}

async function readFileInput(path: string, maxBytes: number): Promise<Item[]> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return [fail(path, 'NOT_FOUND', 'no such file or folder')];
  }
  if (size > maxBytes) {
    return [
      fail(
        path,
        'LIMIT_EXCEEDED',
        `file is ${(size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit`,
      ),
    ];
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return [
      fail(
        path,
        'INVALID_INPUT',
        `cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      ),
    ];
  }
  const decoded = decodeText(bytes);
  if ('reason' in decoded) return [fail(path, 'INVALID_INPUT', decoded.reason)];
  const ext = extname(path).toLowerCase();
  const kind = INPUT_EXTENSIONS.has(ext) ? ext : sniffKind(decoded.text);
  let sidecar: Partial<ReadoutMeta> = {};
  if (kind !== '.json' && kind !== '.jsonl' && kind !== '.ndjson') {
    const sc = await readSidecar(path);
    if ('error' in sc) return [sc as InputFailure];
    sidecar = sc as Partial<ReadoutMeta>;
  }
  return parseDocument(path, decoded.text, kind, sidecar);
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    total += buf.length;
    if (total > maxBytes) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads documents from paths. Yields one ReadoutInput per document (one per record for
 * JSON / JSON Lines) and one InputFailure per document that cannot be read.
 *
 * @example
 * for await (const item of readInputs(['readouts/'])) {
 *   if ('error' in item) console.error(item.source, item.error.message);
 *   else console.log(extractReadout(item, knowledge).calls.length);
 * }
 */
export async function* readInputs(paths: string[], options: ReadInputsOptions = {}): AsyncGenerator<Item> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const path of paths) {
    if (path === '-') {
      const bytes = await readStream(options.stdin ?? process.stdin, maxBytes);
      if (bytes === null) {
        yield fail(
          '-',
          'LIMIT_EXCEEDED',
          `standard input is over the ${(maxBytes / 1048576).toFixed(0)} MB limit`,
        );
        continue;
      }
      const decoded = decodeText(bytes);
      if ('reason' in decoded) yield fail('-', 'INVALID_INPUT', decoded.reason);
      else yield* parseDocument('-', decoded.text, sniffKind(decoded.text), {});
      continue;
    }
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch {
      yield fail(path, 'NOT_FOUND', 'no such file or folder');
      continue;
    }
    if (info.isDirectory()) {
      let any = false;
      for await (const file of walk(path)) {
        any = true;
        yield* await readFileInput(file, maxBytes);
      }
      if (!any) yield fail(path, 'NOT_FOUND', 'folder holds no readouts (.txt, .md, .html, .json, .jsonl)');
    } else if (isSkipped(basename(path)) && path.endsWith('.gold.json')) {
      yield fail(
        path,
        'INVALID_INPUT',
        'gold annotation files are not inputs (pass the readout or its folder)',
      );
    } else yield* await readFileInput(path, maxBytes);
  }
}
