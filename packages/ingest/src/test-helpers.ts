/**
 * Shared by the package's tests: the knowledge built from the hand-written fixture gazetteer
 * (test/fixtures/gazetteer) and the shipped themes.
 */
import { fileURLToPath } from 'node:url';
import { type Knowledge, loadKnowledge } from './knowledge.ts';

export const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

let cached: Promise<Knowledge> | undefined;

export function fixtureKnowledge(): Promise<Knowledge> {
  cached ??= loadKnowledge({ gazetteerDir: `${FIXTURES}gazetteer`, overlayPath: '' });
  return cached;
}
