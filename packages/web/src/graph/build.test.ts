import { describe, expect, it } from 'vitest';
import type { GraphData } from '../api/types.ts';
import { createDataset } from './build.ts';

describe('building the explorer dataset', () => {
  it('colours a leader by the region of the state they represent, not of an organization they once chaired', () => {
    const payload: GraphData = {
      nodes: [
        {
          id: 'sisi',
          label: 'Leader',
          properties: { id: 'sisi', name: 'Sisi', state: 'EGY', verified: true, leader: true },
        },
        { id: 'EGY', label: 'State', properties: { code: 'EGY', name: 'Egypt', region: 'Africa' } },
        { id: 'AU', label: 'Organization', properties: { code: 'AU', name: 'African Union' } },
      ],
      edges: [
        {
          id: 'l1',
          type: 'LEADS',
          source: 'sisi',
          target: 'AU',
          properties: { role: 'Chairperson', from: '2019-02-10', to: '2020-02-09' },
        },
        {
          id: 'l2',
          type: 'LEADS',
          source: 'sisi',
          target: 'EGY',
          properties: { role: 'President', from: '2014-06-08', to: null },
        },
      ],
    };
    expect(createDataset(payload).leaders.get('sisi')?.region).toBe('Africa');
  });
});
