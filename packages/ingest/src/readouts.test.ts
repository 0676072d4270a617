/**
 * Hand-written readouts in the styles of publishers the corpus does not cover (White House,
 * Chinese and Japanese foreign ministries, Élysée, the German chancellery, India's PMO, the
 * Turkish presidency, the UN Secretary-General, the AU, the Saudi Press Agency, the Korean
 * presidential office, Number 10, leaders' own posts, news agencies), run with the shipped
 * data/ and compared with the calls each fixture expects.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { slugify } from '@hotline/model';
import { describe, expect, it } from 'vitest';
import { extractReadout } from './extract.ts';
import { DEFAULT_DATA_DIR, loadKnowledge } from './knowledge.ts';
import type { ReadoutInput } from './types.ts';

interface ExpectedParticipant {
  id?: string;
  name?: string;
  state: string | null;
  leader: boolean;
}

interface Fixture {
  id: string;
  meta: ReadoutInput['meta'];
  text: string;
  expected: {
    calls: Array<{
      participants: ExpectedParticipant[];
      date: string | null;
      mode: string;
      initiator: string | null;
    }>;
  };
}

const DIR = fileURLToPath(new URL('../test/fixtures/readouts/', import.meta.url));
const fixtures: Fixture[] = existsSync(DIR)
  ? readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(`${DIR}${f}`, 'utf8')) as Fixture)
  : [];
const ready = existsSync(`${DEFAULT_DATA_DIR}gazetteer`) && fixtures.length > 0;

const participantKey = (p: { id?: string; name?: string; state: string | null; leader: boolean }) =>
  `${p.id ?? slugify(p.name ?? '')}|${p.state}|${p.leader}`;

describe.skipIf(!ready)('readouts from publishers outside the corpus', async () => {
  const knowledge = ready ? await loadKnowledge({ overlayPath: '' }) : undefined;

  it.each(fixtures.map((f) => [f.id, f] as const))('extracts the expected calls from %s', (_id, f) => {
    const x = extractReadout({ source: `${f.id}.json`, text: f.text, meta: f.meta }, knowledge!, {
      today: '2025-12-31',
    });
    const found = x.calls.map((c) => ({
      participants: c.participants.map(participantKey).sort(),
      date: c.date,
      mode: c.mode,
      initiator: c.initiator,
    }));
    const expected = f.expected.calls.map((c) => ({
      participants: c.participants.map(participantKey).sort(),
      date: c.date,
      mode: c.mode,
      initiator: c.initiator,
    }));
    expect(found).toEqual(expected);
  });
});
