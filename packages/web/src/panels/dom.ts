/**
 * A tiny element builder. Strings always become text nodes, so nothing the server sends is
 * ever parsed as HTML: readouts are untrusted.
 */

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  testid?: string;
  title?: string;
  attrs?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props?.class) element.className = props.class;
  if (props?.testid) element.dataset.testid = props.testid;
  if (props?.title) element.title = props.title;
  if (props?.attrs)
    for (const [name, value] of Object.entries(props.attrs)) element.setAttribute(name, value);
  if (props?.on) {
    for (const [name, handler] of Object.entries(props.on)) {
      element.addEventListener(name, handler as EventListener);
    }
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** A link only for http(s) URLs; anything else is shown as plain text. */
export function safeLink(url: string | null, text: string): HTMLElement {
  if (url) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') {
        return h('a', { attrs: { href: parsed.href, target: '_blank', rel: 'noopener noreferrer' } }, text);
      }
    } catch {
      // not a URL
    }
  }
  return h('span', null, text);
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const element = h('option', null, label);
  element.value = value;
  element.selected = selected;
  return element;
}

export function formatDate(date: string | null): string {
  if (!date) return 'undated';
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return parsed.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function formatMonth(month: string): string {
  const parsed = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return month;
  return parsed.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}
