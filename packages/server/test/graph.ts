/** A small graph file for the server's tests: two leaders, one call, one readout with hostile text. */
import type { GraphData } from '@hotline/model';

export const TEXT = 'Intro. Putin and Macron spoke by phone about <script>alert(1)</script> energy. End.';

export const GRAPH: GraphData = {
  nodes: [
    {
      id: 'vladimir-putin',
      label: 'Leader',
      properties: {
        id: 'vladimir-putin',
        name: 'Vladimir Putin',
        state: 'RUS',
        verified: true,
        leader: true,
        role: 'President',
      },
    },
    {
      id: 'emmanuel-macron',
      label: 'Leader',
      properties: {
        id: 'emmanuel-macron',
        name: 'Emmanuel Macron',
        state: 'FRA',
        verified: true,
        leader: true,
        role: 'President',
      },
    },
    { id: 'RUS', label: 'State', properties: { code: 'RUS', name: 'Russia', region: 'Europe' } },
    {
      id: 'c1',
      label: 'Call',
      properties: { id: 'c1', date: '2024-05-03', dates: ['2024-05-03'], mode: 'phone' },
    },
    {
      id: 'c2',
      label: 'Call',
      properties: { id: 'c2', date: '2022-01-10', dates: ['2022-01-10'], mode: 'meeting' },
    },
    {
      id: 'theme:energy',
      label: 'Topic',
      properties: { id: 'theme:energy', label: 'Energy', kind: 'theme' },
    },
    {
      id: 'r1',
      label: 'Readout',
      properties: {
        id: 'r1',
        title: 'Call',
        url: 'https://example.org/r1',
        publisher: 'Test',
        published: '2024-05-03',
        text: TEXT,
      },
    },
  ],
  edges: [
    { id: 't1', type: 'TOOK_PART', source: 'vladimir-putin', target: 'c1', properties: { initiator: false } },
    { id: 't2', type: 'TOOK_PART', source: 'emmanuel-macron', target: 'c1', properties: { initiator: true } },
    { id: 't3', type: 'TOOK_PART', source: 'vladimir-putin', target: 'c2', properties: { initiator: false } },
    {
      id: 't4',
      type: 'TOOK_PART',
      source: 'emmanuel-macron',
      target: 'c2',
      properties: { initiator: false },
    },
    { id: 'a1', type: 'ABOUT', source: 'c1', target: 'theme:energy', properties: {} },
    {
      id: 'k1',
      type: 'CALLED',
      source: 'emmanuel-macron',
      target: 'vladimir-putin',
      properties: { call: 'c1', date: '2024-05-03', mode: 'phone' },
    },
    {
      id: 'k2',
      type: 'CALLED',
      source: 'vladimir-putin',
      target: 'emmanuel-macron',
      properties: { call: 'c2', date: '2022-01-10', mode: 'meeting' },
    },
    {
      id: 'rep1',
      type: 'REPORTS',
      source: 'r1',
      target: 'c1',
      properties: { evidence: ['7:79'], date: '2024-05-03' },
    },
    {
      id: 'l1',
      type: 'LEADS',
      source: 'vladimir-putin',
      target: 'RUS',
      properties: { role: 'President', from: '2012-05-07', to: null },
    },
  ],
};
