/**
 * Evaluation against gold annotations (*.gold.json): call precision/recall/F1 with
 * participants and date, the same without the date, date accuracy, theme P/R/F1 over
 * matched calls, initiator accuracy, mentioned states, and false calls in negative documents.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { type Extraction, HotlineError, type Participant } from '@hotline/model';
import { canonicalRole } from './internal/roles.ts';
import { nameKey } from './internal/text.ts';
import type { Knowledge } from './knowledge.ts';
import type {
  EvalCounts,
  EvalDocument,
  EvalReport,
  GoldCall,
  GoldDocument,
  GoldParticipant,
} from './types.ts';

/** Reads every *.gold.json of a folder, sorted by id. */
export async function readGold(dir: string): Promise<GoldDocument[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.gold.json')).sort();
  } catch (error) {
    throw new HotlineError('NOT_FOUND', `readGold: cannot read folder ${dir}`, { cause: error });
  }
  if (files.length === 0) throw new HotlineError('NOT_FOUND', `readGold: no *.gold.json files in ${dir}`);
  const out: GoldDocument[] = [];
  for (const f of files) {
    const file = join(dir, f);
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new HotlineError('INVALID_INPUT', `${file}: malformed JSON (${(error as Error).message})`);
    }
    const doc = data as Partial<GoldDocument>;
    if (!Array.isArray(doc.calls)) throw new HotlineError('INVALID_INPUT', `${file}: missing "calls" array`);
    out.push({
      id: typeof doc.id === 'string' ? doc.id : f.replace(/\.gold\.json$/, ''),
      calls: doc.calls,
      mentioned_states: Array.isArray(doc.mentioned_states) ? doc.mentioned_states : [],
      ...(doc.notes ? { notes: doc.notes } : {}),
    });
  }
  return out;
}

function counts(tp: number, fp: number, fn: number): EvalCounts {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

function lastKey(name: string): string {
  return nameKey(name).split(' ').at(-1) ?? '';
}

function resolveGoldName(name: string, knowledge?: Knowledge): string | null {
  const entries = knowledge?.index.names.get(nameKey(name));
  const person = entries?.find((e) => e.kind === 'person' && e.strength !== 'surname');
  return person?.kind === 'person' ? person.id : null;
}

/** Whether a gold participant and an extracted one are the same person. */
export function sameParticipant(g: GoldParticipant, p: Participant, knowledge?: Knowledge): boolean {
  if (nameKey(g.name) === nameKey(p.name)) return true;
  const id = resolveGoldName(g.name, knowledge);
  if (id !== null && id === p.id) return true;
  if (g.state && g.state === p.state && lastKey(g.name) === lastKey(p.name)) return true;
  // An unnamed office holder ("Foreign Minister of Turkey") matches by state and role.
  const unnamed =
    !p.verified && p.role !== null && nameKey(p.name).startsWith(nameKey(p.role.replace(/^former\s+/i, '')));
  return unnamed && g.state === p.state && !!g.role && canonicalRole(g.role) === canonicalRole(p.role ?? '');
}

function sameParticipants(gold: GoldCall, found: Participant[], knowledge?: Knowledge): boolean {
  if (gold.participants.length !== found.length) return false;
  const free = [...found];
  for (const g of gold.participants) {
    const i = free.findIndex((p) => sameParticipant(g, p, knowledge));
    if (i < 0) return false;
    free.splice(i, 1);
  }
  return true;
}

function docId(source: string): string {
  return basename(source)
    .replace(/\.(?:txt|md|markdown|html?|json|jsonl)$/i, '')
    .replace(/#.*$/, '');
}

function describe(participants: Array<{ name: string }>): string {
  return participants.map((p) => p.name).join(' + ');
}

/**
 * Compares extractions with gold documents (matched by file stem = gold id).
 *
 * @example
 * const report = evaluate(extractions, await readGold('corpus/'), knowledge);
 * console.log(formatEvalReport(report));
 */
export function evaluate(
  extractions: Extraction[],
  golds: GoldDocument[],
  knowledge?: Knowledge,
): EvalReport {
  const byId = new Map(extractions.map((x) => [docId(x.source), x]));
  let ctp = 0;
  let cfp = 0;
  let cfn = 0;
  let ptp = 0;
  let pfp = 0;
  let pfn = 0;
  let dateOk = 0;
  let dateTotal = 0;
  let initOk = 0;
  let initTotal = 0;
  let ttp = 0;
  let tfp = 0;
  let tfn = 0;
  let stp = 0;
  let sfp = 0;
  let sfn = 0;
  let negatives = 0;
  let falseCalls = 0;
  const missing: string[] = [];
  const perDocument: EvalDocument[] = [];
  for (const gold of golds) {
    const x = byId.get(gold.id);
    const negative = gold.calls.length === 0;
    if (negative) negatives++;
    if (!x) {
      missing.push(gold.id);
      cfn += gold.calls.length;
      pfn += gold.calls.length;
      perDocument.push({
        id: gold.id,
        source: '',
        negative,
        goldCalls: gold.calls.length,
        foundCalls: 0,
        matched: 0,
        errors: ['no extraction for this document'],
      });
      continue;
    }
    const errors: string[] = [];
    const freeFull = [...x.calls];
    const freePart = [...x.calls];
    let matched = 0;
    for (const g of gold.calls) {
      const fi = freeFull.findIndex(
        (c) => sameParticipants(g, c.participants, knowledge) && c.date === g.date,
      );
      if (fi >= 0) {
        freeFull.splice(fi, 1);
        matched++;
      }
      const pi = freePart.findIndex((c) => sameParticipants(g, c.participants, knowledge));
      if (pi < 0) {
        errors.push(`missed ${g.mode} ${describe(g.participants)} on ${g.date ?? 'undated'}`);
        continue;
      }
      const c = freePart.splice(pi, 1)[0]!;
      dateTotal++;
      if (c.date === g.date) dateOk++;
      else
        errors.push(
          `date of ${describe(g.participants)}: found ${c.date ?? 'null'}, gold ${g.date ?? 'null'}`,
        );
      initTotal++;
      if (c.initiator === g.initiator) initOk++;
      else
        errors.push(
          `initiator of ${describe(g.participants)}: found ${c.initiator ?? 'null'}, gold ${g.initiator ?? 'null'}`,
        );
      if (c.mode !== g.mode)
        errors.push(`mode of ${describe(g.participants)}: found ${c.mode}, gold ${g.mode}`);
      const gt = new Set(g.themes);
      const ft = new Set(c.themes);
      const extra = [...ft].filter((t) => !gt.has(t));
      const lacking = [...gt].filter((t) => !ft.has(t));
      ttp += [...ft].filter((t) => gt.has(t)).length;
      tfp += extra.length;
      tfn += lacking.length;
      if (extra.length + lacking.length > 0) {
        errors.push(
          `themes of ${describe(g.participants)}: ${extra
            .map((t) => `+${t}`)
            .concat(lacking.map((t) => `-${t}`))
            .join(' ')}`,
        );
      }
    }
    for (const c of freePart)
      errors.push(`extra ${c.mode} ${describe(c.participants)} on ${c.date ?? 'undated'}`);
    ctp += matched;
    cfp += x.calls.length - matched;
    cfn += gold.calls.length - matched;
    ptp += gold.calls.length - (gold.calls.length - (x.calls.length - freePart.length));
    pfp += freePart.length;
    pfn += gold.calls.length - (x.calls.length - freePart.length);
    if (negative) falseCalls += x.calls.length;
    const gs = new Set(gold.mentioned_states);
    const fs = new Set(x.mentions.states);
    stp += [...fs].filter((s) => gs.has(s)).length;
    sfp += [...fs].filter((s) => !gs.has(s)).length;
    sfn += [...gs].filter((s) => !fs.has(s)).length;
    perDocument.push({
      id: gold.id,
      source: x.source,
      negative,
      goldCalls: gold.calls.length,
      foundCalls: x.calls.length,
      matched,
      errors,
    });
  }
  return {
    documents: golds.length,
    calls: counts(ctp, cfp, cfn),
    participantsOnly: counts(ptp, pfp, pfn),
    dateAccuracy: { correct: dateOk, total: dateTotal, accuracy: dateTotal === 0 ? 1 : dateOk / dateTotal },
    themes: counts(ttp, tfp, tfn),
    initiatorAccuracy: {
      correct: initOk,
      total: initTotal,
      accuracy: initTotal === 0 ? 1 : initOk / initTotal,
    },
    mentionedStates: counts(stp, sfp, sfn),
    negatives: { documents: negatives, falseCalls },
    missingExtractions: missing,
    perDocument,
  };
}

const f3 = (n: number) => n.toFixed(3);

/** Human-readable report; the last four lines are the compact summary. */
export function formatEvalReport(report: EvalReport): string {
  const lines: string[] = [];
  for (const d of report.perDocument) {
    if (d.errors.length === 0) continue;
    lines.push(
      `${d.id}${d.negative ? ' (negative)' : ''}: gold ${d.goldCalls} calls, found ${d.foundCalls}, matched ${d.matched}`,
    );
    for (const e of d.errors) lines.push(`  ${e}`);
  }
  const c = report.calls;
  const p = report.participantsOnly;
  const t = report.themes;
  const s = report.mentionedStates;
  lines.push('');
  lines.push(
    `documents  ${report.documents} (${report.perDocument.filter((d) => d.errors.length === 0).length} without differences)`,
  );
  lines.push(
    `participants only  P ${f3(p.precision)}  R ${f3(p.recall)}  F1 ${f3(p.f1)}  (tp ${p.tp}, fp ${p.fp}, fn ${p.fn})`,
  );
  lines.push(
    `initiator  accuracy ${f3(report.initiatorAccuracy.accuracy)} (${report.initiatorAccuracy.correct}/${report.initiatorAccuracy.total})`,
  );
  lines.push(`mentioned states  P ${f3(s.precision)}  R ${f3(s.recall)}  F1 ${f3(s.f1)}`);
  lines.push(
    `calls      P ${f3(c.precision)}  R ${f3(c.recall)}  F1 ${f3(c.f1)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn}; participants and date)`,
  );
  lines.push(
    `dates      accuracy ${f3(report.dateAccuracy.accuracy)} (${report.dateAccuracy.correct}/${report.dateAccuracy.total} calls with matching participants)`,
  );
  lines.push(
    `themes     P ${f3(t.precision)}  R ${f3(t.recall)}  F1 ${f3(t.f1)}  (tp ${t.tp}, fp ${t.fp}, fn ${t.fn})`,
  );
  lines.push(
    `negatives  ${report.negatives.falseCalls} false calls in ${report.negatives.documents} negative documents`,
  );
  return lines.join('\n');
}
