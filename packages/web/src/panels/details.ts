/**
 * The side panel: a leader (offices, counterparts by number of calls, timeline of calls) or
 * the calls behind one edge, each readout with its evidence sentence highlighted and a link
 * to the source. Readout text is untrusted and only ever inserted as text nodes.
 */
import { ApiError, getLeader, getPair, type TimeWindow } from '../api/client.ts';
import type { CallView, LeaderView, PairView, ReadoutView } from '../api/types.ts';
import { append, type Child, formatDate, h, safeLink } from './dom.ts';

function fill(element: HTMLElement, ...children: Child[]): void {
  element.replaceChildren();
  append(element, ...children);
}

export interface DetailsHooks {
  onClose(): void;
  onLeader(id: string): void;
  onPair(a: string, b: string): void;
  stateName(code: string | null): string;
}

export interface DetailsPanel {
  /** Shows a leader's calls inside the time window (all of them when it is open). */
  showLeader(id: string, window?: TimeWindow): Promise<void>;
  showPair(a: string, b: string, window?: TimeWindow): Promise<void>;
  hide(): void;
}

/** "since 1 Jan 2022", "until …", "1 Jan 2022 – 31 Dec 2022", or null for an open window. */
export function windowLabel(window: TimeWindow): string | null {
  if (window.from && window.to) return `${formatDate(window.from)} – ${formatDate(window.to)}`;
  if (window.from) return `since ${formatDate(window.from)}`;
  if (window.to) return `until ${formatDate(window.to)}`;
  return null;
}

/** The line under a panel's title that says which calls it lists, when a window narrows them. */
function windowNote(view: { window: TimeWindow; calls: unknown[]; allCalls: number }): HTMLElement | null {
  const label = windowLabel(view.window);
  if (!label) return null;
  const shown = view.calls.length;
  return h(
    'p',
    { class: 'window-note', testid: 'details-window' },
    `Time window ${label}: ${shown} of ${view.allCalls} call${view.allCalls === 1 ? '' : 's'}.`,
  );
}

/** The excerpt with each evidence span wrapped in <mark>, built from text nodes only. */
export function renderExcerpt(readout: ReadoutView): HTMLElement {
  const block = h('blockquote', { class: 'excerpt', testid: 'excerpt' });
  const excerpt = readout.excerpt;
  if (!excerpt) {
    for (const e of readout.evidence) if (e.text) block.append(h('mark', null, e.text), ' ');
    if (!block.hasChildNodes())
      block.append(h('span', { class: 'muted' }, 'No text stored for this readout.'));
    return block;
  }
  const text = excerpt.text;
  const spans = readout.evidence
    .map(
      (e) => [Math.max(0, e.start - excerpt.offset), Math.min(text.length, e.end - excerpt.offset)] as const,
    )
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  if (excerpt.offset > 0) block.append('…');
  let cursor = 0;
  for (const [start, end] of spans) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    if (from > cursor) block.append(text.slice(cursor, from));
    block.append(h('mark', { testid: 'evidence' }, text.slice(from, end)));
    cursor = end;
  }
  if (cursor < text.length) block.append(text.slice(cursor));
  if (!/[.!?]["”’)]?\s*$/.test(text)) block.append('…');
  return block;
}

function readoutBlock(readout: ReadoutView): HTMLElement {
  const title = readout.title ?? readout.publisher ?? 'Readout';
  return h(
    'div',
    { class: 'readout', testid: 'readout' },
    h(
      'div',
      { class: 'readout-head' },
      safeLink(readout.url, title),
      h(
        'span',
        { class: 'muted' },
        [readout.publisher, readout.published && formatDate(readout.published)].filter(Boolean).join(' · '),
      ),
    ),
    renderExcerpt(readout),
  );
}

function callBlock(call: CallView, hooks: DetailsHooks, focus: string | null, open: boolean): HTMLElement {
  const others = call.participants.filter((p) => p.id !== focus);
  const who = h('span', { class: 'participants' });
  others.forEach((p, i) => {
    if (i > 0) who.append(', ');
    const link = h('button', { class: 'link', title: p.initiator ? 'placed the call' : '' }, p.name);
    link.addEventListener('click', () => hooks.onLeader(p.id));
    who.append(link);
    if (p.initiator) who.append(h('span', { class: 'initiator', title: 'placed the call' }, '↗'));
  });
  const details = h(
    'details',
    { class: 'call', testid: 'call' },
    h(
      'summary',
      null,
      h('span', { class: 'date' }, formatDate(call.date)),
      h('span', { class: `mode mode-${call.mode}` }, call.mode),
      who,
    ),
    call.themes.length || call.subjects.length
      ? h(
          'div',
          { class: 'tags' },
          ...call.themes.map((t) => h('span', { class: 'tag' }, t.replace(/-/g, ' '))),
          ...call.subjects.map((s) => h('span', { class: 'tag subject' }, s)),
        )
      : null,
    call.dates.length > 1
      ? h('div', { class: 'muted small' }, `Sources disagree on the date: ${call.dates.join(', ')}`)
      : null,
    ...call.readouts.map(readoutBlock),
    call.readouts.length === 0 ? h('p', { class: 'muted' }, 'No readout linked.') : null,
  );
  details.open = open;
  return details;
}

function timeline(calls: CallView[]): HTMLElement | null {
  const dated = calls.filter((c) => c.date).map((c) => Date.parse(c.date!));
  if (dated.length === 0) return null;
  const min = Math.min(...dated);
  const max = Math.max(...dated);
  const span = Math.max(1, max - min);
  const SVG = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 300 28');
  svg.setAttribute('class', 'mini-timeline');
  const axis = document.createElementNS(SVG, 'line');
  for (const [k, v] of Object.entries({ x1: '6', x2: '294', y1: '14', y2: '14' })) axis.setAttribute(k, v);
  svg.append(axis);
  for (const t of dated) {
    const dot = document.createElementNS(SVG, 'circle');
    dot.setAttribute('cx', String(6 + ((t - min) / span) * 288));
    dot.setAttribute('cy', '14');
    dot.setAttribute('r', '4');
    svg.append(dot);
  }
  const first = new Date(min).toISOString().slice(0, 10);
  const last = new Date(max).toISOString().slice(0, 10);
  return h(
    'div',
    { class: 'timeline-box' },
    svg,
    h(
      'div',
      { class: 'timeline-ends muted small' },
      h('span', null, formatDate(first)),
      h('span', null, formatDate(last)),
    ),
  );
}

export function createDetailsPanel(root: HTMLElement, hooks: DetailsHooks): DetailsPanel {
  let token = 0;
  const close = h(
    'button',
    { class: 'icon-button close', testid: 'details-close', title: 'Close (Esc)' },
    '×',
  );
  close.addEventListener('click', () => hooks.onClose());
  const body = h('div', { class: 'details-body' });
  root.append(close, body);

  const loading = (title: string) => {
    root.hidden = false;
    fill(
      body,
      h('h2', null, title),
      h('div', { class: 'spinner-row' }, h('span', { class: 'spinner' }), 'Loading…'),
    );
  };
  const failed = (error: unknown) => {
    const message = error instanceof ApiError ? error.message : String(error);
    fill(
      body,
      h(
        'div',
        { class: 'error-box', testid: 'details-error' },
        h('strong', null, 'Could not load the details'),
        h('p', null, message),
      ),
    );
  };

  const renderLeader = (view: LeaderView) => {
    const state = hooks.stateName(view.state);
    const counterparts = h('ol', { class: 'counterparts', testid: 'counterparts' });
    const top = view.counterparts[0]?.calls ?? 1;
    for (const c of view.counterparts) {
      const row = h(
        'li',
        null,
        h('button', { class: 'link' }, c.name),
        h('span', { class: 'muted small' }, hooks.stateName(c.state)),
        h(
          'span',
          { class: 'bar-cell' },
          h('span', { class: 'bar', attrs: { style: `width:${Math.round((c.calls / top) * 100)}%` } }),
        ),
        h('span', { class: 'count' }, String(c.calls)),
      );
      row.querySelector('button')!.addEventListener('click', () => hooks.onPair(view.id, c.id));
      counterparts.append(row);
    }
    const calls = [...view.calls].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    fill(
      body,
      h('div', { class: 'kicker' }, view.leader ? 'Leader' : 'Official'),
      h('h2', { testid: 'details-title' }, view.name),
      h(
        'p',
        { class: 'muted' },
        [view.role, state].filter(Boolean).join(', '),
        view.verified ? null : h('span', { class: 'badge warn' }, 'unverified'),
      ),
      windowNote(view),
      view.offices.length
        ? h(
            'section',
            null,
            h('h3', null, 'Offices'),
            h(
              'ul',
              { class: 'offices' },
              ...view.offices.map((o) =>
                h(
                  'li',
                  null,
                  h('strong', null, o.role || 'Office'),
                  ` · ${o.polityName}`,
                  h('span', { class: 'muted small' }, ` ${o.from ?? '?'} – ${o.to ?? 'present'}`),
                ),
              ),
            ),
          )
        : null,
      h('section', null, h('h3', null, `Counterparts (${view.counterparts.length})`), counterparts),
      h(
        'section',
        null,
        h('h3', null, `Calls (${view.calls.length})`),
        timeline(view.calls),
        ...calls.map((c, i) => callBlock(c, hooks, view.id, i === 0)),
        view.calls.length === 0 && view.allCalls > 0
          ? h('p', { class: 'muted' }, 'No calls in this time window; widen it to see the others.')
          : null,
      ),
    );
  };

  const renderPair = (a: string, b: string, view: PairView) => {
    const calls = view.calls;
    const names = new Map<string, string>();
    for (const c of calls) for (const p of c.participants) names.set(p.id, p.name);
    const title = `${names.get(a) ?? a} ↔ ${names.get(b) ?? b}`;
    const sorted = [...calls].sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''));
    fill(
      body,
      h('div', { class: 'kicker' }, 'Conversations'),
      h('h2', { testid: 'details-title' }, title),
      h('p', { class: 'muted' }, `${calls.length} call${calls.length === 1 ? '' : 's'}`),
      windowNote(view),
      timeline(calls),
      ...sorted.map((c) => callBlock(c, hooks, null, true)),
      calls.length === 0
        ? h(
            'p',
            { class: 'muted' },
            view.allCalls > 0
              ? 'No calls between these two in this time window.'
              : 'No calls found between these two.',
          )
        : null,
    );
  };

  return {
    async showLeader(id, window = {}) {
      const mine = ++token;
      loading('Leader');
      try {
        const view = await getLeader(id, window);
        if (mine === token) renderLeader(view);
      } catch (error) {
        if (mine === token) failed(error);
      }
    },
    async showPair(a, b, window = {}) {
      const mine = ++token;
      loading('Conversations');
      try {
        const view = await getPair(a, b, window);
        if (mine === token) renderPair(a, b, view);
      } catch (error) {
        if (mine === token) failed(error);
      }
    },
    hide() {
      token += 1;
      root.hidden = true;
      fill(body);
    },
  };
}
