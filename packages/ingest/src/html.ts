/**
 * HTML to plain text with htmlparser2: scripts, styles, navigation, headers, footers,
 * forms and asides are dropped; block elements become line breaks; entities are decoded.
 * The page's <title> (or first <h1>) is returned separately.
 */
import { Parser } from 'htmlparser2';

const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'form',
  'aside',
  'svg',
  'template',
  'iframe',
  'button',
  'select',
  'head',
]);
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'tr',
  'table',
  'blockquote',
  'pre',
  'main',
  'figure',
  'figcaption',
  'dd',
  'dt',
  'hr',
  'time',
]);
const BOILERPLATE_CLASS =
  /\b(?:nav|menu|breadcrumb|footer|header|sidebar|cookie|share|social|related|subscribe|banner|skip|advert|promo)\b/i;

/** Elements with no closing tag: they never open a skipped region. */
const VOID_TAGS = new Set(['br', 'hr', 'img', 'meta', 'link', 'input']);

export interface HtmlText {
  text: string;
  title: string | null;
  /** Publication date from <meta> tags (article:published_time, date, DC.date) or <time datetime>. */
  published: string | null;
  /** The site's own name (og:site_name, application-name): who published the page. */
  siteName: string | null;
  /** The page's canonical address (<link rel="canonical">, og:url). */
  url: string | null;
}

export function htmlToText(html: string): HtmlText {
  const parts: string[] = [];
  let skipDepth = 0;
  const stack: boolean[] = [];
  let title: string | null = null;
  let h1: string | null = null;
  let inTitle = false;
  let inH1 = false;
  let published: string | null = null;
  let siteName: string | null = null;
  let url: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const boiler =
          SKIP_TAGS.has(name) ||
          BOILERPLATE_CLASS.test(`${attrs.class ?? ''} ${attrs.id ?? ''} ${attrs.role ?? ''}`);
        const voids = VOID_TAGS.has(name);
        if (!voids) stack.push(boiler);
        if (boiler && !voids) skipDepth++;
        if (name === 'title') inTitle = true;
        if (name === 'h1' && h1 === null) inH1 = true;
        if (name === 'meta') {
          const prop = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          if (
            /published_time|^date$|dc\.date|datepublished|publish-date|pubdate/.test(prop) &&
            attrs.content
          ) {
            published = published ?? /\d{4}-\d{2}-\d{2}/.exec(attrs.content)?.[0] ?? null;
          }
          if ((prop === 'og:site_name' || prop === 'application-name') && attrs.content)
            siteName = siteName ?? attrs.content;
          if (prop === 'og:url' && attrs.content) url = url ?? webAddress(attrs.content);
        }
        if (name === 'link' && (attrs.rel ?? '').toLowerCase() === 'canonical' && attrs.href)
          url = webAddress(attrs.href) ?? url;
        if (name === 'time' && attrs.datetime)
          published = published ?? /\d{4}-\d{2}-\d{2}/.exec(attrs.datetime)?.[0] ?? null;
        if (BLOCK_TAGS.has(name) && skipDepth === 0) parts.push('\n');
      },
      ontext(data) {
        if (inTitle) title = (title ?? '') + data;
        if (inH1) h1 = (h1 ?? '') + data;
        if (skipDepth === 0) parts.push(data);
      },
      onclosetag(name, implied) {
        if (name === 'title') inTitle = false;
        if (name === 'h1') inH1 = false;
        const voids = VOID_TAGS.has(name);
        if (!voids) {
          const boiler = stack.pop();
          if (boiler) skipDepth = Math.max(0, skipDepth - 1);
        }
        if (BLOCK_TAGS.has(name) && skipDepth === 0 && !implied) parts.push('\n');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = parts
    .join('')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const clean = (s: string | null) => (s ? s.replace(/\s+/g, ' ').trim() || null : null);
  const h = clean(h1);
  const t = clean(title);
  return { text, title: h ?? t, published, siteName: clean(siteName), url };
}

/** An absolute http(s) address, or null: a relative or script URL says nothing of the site. */
function webAddress(value: string): string | null {
  const v = value.trim();
  return /^https?:\/\/[^\s"<>]+$/i.test(v) ? v : null;
}
