import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from './knowledge.ts';
import { FIXTURES } from './test-helpers.ts';

async function tempGazetteer(files: Record<string, unknown>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hotline-gaz-'));
  for (const [name, data] of Object.entries(files)) await writeFile(join(dir, name), JSON.stringify(data));
  return dir;
}

describe('loadKnowledge', () => {
  it('merges persons of several leaders files by id', async () => {
    const dir = await tempGazetteer({
      'leaders-a.json': [
        {
          id: 'ann-example',
          name: 'Ann Example',
          aliases: ['Example'],
          offices: [{ polity: 'FRA', role: 'President', from: '2001-01-01', to: '2005-01-01' }],
        },
      ],
      'leaders-b.json': [
        {
          id: 'ann-example',
          name: 'Ann Example',
          aliases: ['A. Example'],
          offices: [{ polity: 'FRA', role: 'Prime Minister', from: '2010-01-01', to: null }],
        },
      ],
    });
    const k = await loadKnowledge({ gazetteerDir: dir, overlayPath: '' });
    const ann = k.leaderById('ann-example')!;
    expect(ann.offices).toHaveLength(2);
    expect(ann.aliases).toEqual(['Example', 'A. Example']);
    expect(k.holders('FRA', 'Prime Minister', '2012-05-05').map((p) => p.id)).toEqual(['ann-example']);
  });

  it('lets the user overlay replace the fields it gives and add persons', async () => {
    const dir = await tempGazetteer({
      'leaders-a.json': [{ id: 'ann-example', name: 'Ann Example', aliases: [], offices: [] }],
      'overlay.json': [
        { id: 'ann-example', name: 'Ann B. Example' },
        {
          id: 'new-person',
          name: 'New Person',
          offices: [{ polity: 'KEN', role: 'President', from: '2022-09-13', to: null }],
        },
      ],
    });
    const k = await loadKnowledge({ gazetteerDir: dir, overlayPath: join(dir, 'overlay.json') });
    expect(k.leaderById('ann-example')?.name).toBe('Ann B. Example');
    expect(k.leaderOffices('new-person')[0]?.polity).toBe('KEN');
  });

  it('names the file and the entry of a bad gazetteer record', async () => {
    const dir = await tempGazetteer({
      'leaders-x.json': [
        { id: 'x', name: 'X', offices: [{ polity: 'FRA', role: 'President', from: 'soon' }] },
      ],
    });
    await expect(loadKnowledge({ gazetteerDir: dir, overlayPath: '' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/leaders-x\.json: entry 0 \("x"\)/),
    });
  });

  it('lists states from world-countries with Kosovo as XKX, plus organizations', async () => {
    const k = await loadKnowledge({ gazetteerDir: `${FIXTURES}gazetteer`, overlayPath: '' });
    const codes = new Map(k.polities().map((p) => [p.code, p]));
    expect(codes.get('XKX')?.kind).toBe('state');
    expect(codes.has('UNK')).toBe(false);
    expect(codes.get('PSE')?.latlng).not.toBeNull();
    expect(codes.get('TWN')?.region).toBe('Asia');
    expect(codes.get('UN')?.kind).toBe('organization');
  });
});
