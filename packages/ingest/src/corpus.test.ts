/**
 * Runs the extractor with the shipped data/ over the shared readout corpus when both are
 * present, and holds it to the project's goals.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '@hotline/model';
import { describe, expect, it } from 'vitest';
import { evaluate, readGold } from './eval.ts';
import { extractReadout } from './extract.ts';
import { DEFAULT_DATA_DIR, loadKnowledge } from './knowledge.ts';
import { readInputs } from './read-inputs.ts';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/', import.meta.url));
const ready = existsSync(CORPUS) && existsSync(`${DEFAULT_DATA_DIR}gazetteer`);

describe.skipIf(!ready)('the shared corpus with the shipped data', () => {
  it('meets the call, date, theme and negative goals', async () => {
    const knowledge = await loadKnowledge({ overlayPath: '' });
    const xs: Extraction[] = [];
    for await (const item of readInputs([CORPUS]))
      if (!('error' in item)) xs.push(extractReadout(item, knowledge));
    const report = evaluate(xs, await readGold(CORPUS), knowledge);
    expect(report.calls.f1).toBeGreaterThanOrEqual(0.95);
    expect(report.dateAccuracy.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(report.themes.f1).toBeGreaterThanOrEqual(0.8);
    expect(report.negatives.falseCalls).toBe(0);
  });
});
