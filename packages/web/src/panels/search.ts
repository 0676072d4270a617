/**
 * Keyboard-driven fuzzy search over leaders, states and topics: type, ↑/↓, Enter, Esc.
 * "/" anywhere focuses it. Choosing a result hands it to `onPick`.
 */
import type { Dataset } from '../graph/build.ts';
import { h } from './dom.ts';

export interface SearchItem {
  kind: 'leader' | 'state' | 'topic';
  id: string;
  label: string;
  detail: string;
}

/** Subsequence match, scored: prefix and word starts and runs score higher. -1 = no match. */
export function fuzzyScore(query: string, text: string): number {
  const q = query
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const t = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  if (!q) return 0;
  const direct = t.indexOf(q);
  if (direct !== -1) return 100 - direct + (direct === 0 || t[direct - 1] === ' ' ? 50 : 0);
  let score = 0;
  let last = -2;
  let ti = 0;
  for (const char of q) {
    if (char === ' ') continue;
    const found = t.indexOf(char, ti);
    if (found === -1) return -1;
    score += found === last + 1 ? 3 : 1;
    if (found === 0 || t[found - 1] === ' ' || t[found - 1] === '-') score += 2;
    last = found;
    ti = found + 1;
  }
  return score;
}

export function searchItems(dataset: Dataset): SearchItem[] {
  const items: SearchItem[] = [];
  for (const leader of dataset.leaders.values()) {
    if (leader.calls.length === 0) continue;
    const state = leader.state ? (dataset.polities.get(leader.state)?.name ?? leader.state) : '';
    items.push({
      kind: 'leader',
      id: leader.id,
      label: leader.name,
      detail: [leader.role, state].filter(Boolean).join(', '),
    });
  }
  for (const polity of dataset.polities.values()) {
    items.push({
      kind: 'state',
      id: polity.code,
      label: polity.name,
      detail: polity.organization ? 'Organization' : (polity.region ?? 'State'),
    });
  }
  for (const topic of dataset.topics.values()) {
    if (topic.calls.length === 0) continue;
    items.push({
      kind: 'topic',
      id: topic.id,
      label: topic.label,
      detail: topic.kind === 'theme' ? 'Theme' : 'Subject',
    });
  }
  return items;
}

export function createSearch(
  root: HTMLElement,
  items: SearchItem[],
  onPick: (item: SearchItem) => void,
): void {
  const input = h('input', {
    class: 'search-input',
    testid: 'search',
    attrs: {
      type: 'search',
      placeholder: 'Search leaders, states, topics…  ( / )',
      'aria-label': 'Search',
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': 'search-results',
    },
  });
  const list = h('ul', {
    class: 'search-results',
    testid: 'search-results',
    attrs: { role: 'listbox', id: 'search-results' },
  });
  list.hidden = true;
  root.append(input, list);
  let results: SearchItem[] = [];
  let active = 0;

  const render = () => {
    list.replaceChildren(
      ...results.map((item, i) => {
        const row = h(
          'li',
          {
            class: i === active ? 'active' : '',
            testid: 'search-result',
            attrs: { role: 'option', 'aria-selected': String(i === active) },
          },
          h('span', { class: `kind kind-${item.kind}` }, item.kind),
          h('span', { class: 'label' }, item.label),
          h('span', { class: 'detail' }, item.detail),
        );
        row.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(i);
        });
        return row;
      }),
    );
    if (input.value.trim() && results.length === 0) list.append(h('li', { class: 'empty' }, 'No match'));
    list.hidden = !input.value.trim();
    input.setAttribute('aria-expanded', String(!list.hidden));
  };
  const pick = (i: number) => {
    const item = results[i];
    if (!item) return;
    input.value = item.label;
    list.hidden = true;
    input.blur();
    onPick(item);
  };
  input.addEventListener('input', () => {
    const query = input.value.trim();
    const order = { leader: 0, state: 1, topic: 2 };
    results = query
      ? items
          .map((item) => ({
            item,
            score: Math.max(fuzzyScore(query, item.label), fuzzyScore(query, item.id) - 5),
          }))
          .filter((r) => r.score >= 0)
          .sort(
            (a, b) =>
              b.score - a.score ||
              order[a.item.kind] - order[b.item.kind] ||
              a.item.label.localeCompare(b.item.label),
          )
          .slice(0, 12)
          .map((r) => r.item)
      : [];
    active = 0;
    render();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      active = Math.min(results.length - 1, active + 1);
      render();
      event.preventDefault();
    } else if (event.key === 'ArrowUp') {
      active = Math.max(0, active - 1);
      render();
      event.preventDefault();
    } else if (event.key === 'Enter') {
      pick(active);
      event.preventDefault();
    } else if (event.key === 'Escape') {
      input.value = '';
      results = [];
      render();
      input.blur();
    }
  });
  input.addEventListener('blur', () => {
    list.hidden = true;
  });
  input.addEventListener('focus', () => {
    if (input.value.trim()) input.dispatchEvent(new Event('input'));
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing =
      target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
    if (event.key === '/' && !typing) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}
