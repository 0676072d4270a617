import { describe, expect, it } from 'vitest';
import { createKnowledge } from '../knowledge.ts';
import { recognize } from './recognize.ts';
import { tokenize } from './text.ts';

const k = createKnowledge({
  persons: [
    {
      id: 'jo-friday',
      name: 'Jo Friday',
      aliases: [],
      offices: [{ polity: 'VCT', role: 'Prime Minister', from: '2020-01-01', to: null }],
    },
    {
      id: 'xu-example',
      name: 'Xu Example',
      aliases: ['Xu'],
      offices: [{ polity: 'CHN', role: 'President', from: '2020-01-01', to: null }],
    },
    {
      id: 'ann-example',
      name: 'Ann Example',
      aliases: [],
      offices: [{ polity: 'FRA', role: 'President', from: '2020-01-01', to: null }],
    },
  ],
  organizations: [],
  themes: [],
});
const mentionsOf = (text: string) =>
  recognize(text, tokenize(text), k.index).mentions.map((m) => ({
    text: text.slice(m.start, m.end),
    ids: m.ids,
    state: m.state,
  }));

describe('recognize', () => {
  it('does not take a weekday that is also a surname for the name before an appositive role', () => {
    const found = mentionsOf('On Friday, the President of the Republic, Ann Example, spoke by phone.');
    expect(found.flatMap((m) => m.ids)).toEqual(['ann-example']);
  });

  it('attaches an abbreviated state with its closing dot to the role after it', () => {
    expect(mentionsOf('They met the U.S. President and the U.K. Prime Minister.')).toMatchObject([
      { text: 'the U.S. President', state: 'USA' },
      { text: 'the U.K. Prime Minister', state: 'GBR' },
    ]);
  });

  it('reads a two-letter surname alias in title case once the full name has appeared, not before', () => {
    expect(mentionsOf('Xu said so.').flatMap((m) => m.ids)).toEqual([]);
    expect(mentionsOf('President Xu Example spoke. Later Xu said so.').flatMap((m) => m.ids)).toEqual([
      'xu-example',
      'xu-example',
    ]);
  });

  it('reads a bare two-letter surname joined by "and" to a full name', () => {
    expect(mentionsOf('Ann Example and Xu spoke.').flatMap((m) => m.ids)).toEqual([
      'ann-example',
      'xu-example',
    ]);
  });

  it('reads a given name alone as the person named in full before it, not as part of another name', () => {
    expect(mentionsOf('President Ann Example spoke. Ann thanked him.').map((m) => m.text)).toEqual([
      'President Ann Example',
      'Ann',
    ]);
    expect(mentionsOf('Ann thanked him. President Ann Example spoke.').map((m) => m.text)).toEqual([
      'President Ann Example',
    ]);
    expect(
      mentionsOf('President Ann Example spoke. Ann Other and Ann bin Said came.').map((m) => m.text),
    ).toEqual(['President Ann Example']);
  });
});
