/**
 * extractReadout: one readout's text and metadata in, an Extraction out. Pure: it reads
 * only its arguments (and the clock when no `today` is given, as the upper bound for dates).
 *
 * Pipeline: title and dates (publication, dateline, reference date) -> mentions -> trigger
 * sentences -> candidate calls -> participants resolved on the call's date -> merge ->
 * themes, subjects, initiator, evidence -> mentioned states and leaders.
 */
import {
  type CallMode,
  type ExtractedCall,
  type Extraction,
  type MentionedLeader,
  type Participant,
  type ReadoutMeta,
  readoutId,
  type Span,
  slugify,
} from '@hotline/model';
import {
  findJoiners,
  findTriggers,
  groupMentions,
  hasTrigger,
  INITIATIVE,
  isPlanned,
  modeCue,
  REFERRING_INITIATIVE,
  TRIGGER_EXPRESSIONS,
  type Trigger,
} from './internal/calls.ts';
import {
  dateFromTitle,
  dateFromUrl,
  findDateExpressions,
  findDateline,
  isoOf,
  latestMonthDay,
  resolveExpression,
  todayIso,
  weekdayOf,
} from './internal/dates.ts';
import { matchesAt, PrefixFilter, stickyOf } from './internal/prefilter.ts';
import { type Mention, personMention, type Recognition, recognize } from './internal/recognize.ts';
import { findReportingSide, type ReportingSide } from './internal/reporting.ts';
import { canonicalRole, isLeaderOffice, rolesCompatible, titlePolity } from './internal/roles.ts';
import { extractSubjects, type SubjectCandidate } from './internal/subjects.ts';
import { type Segment, splitSentences, tokenize } from './internal/text.ts';
import { type CompiledTheme, inOffice, type Knowledge } from './knowledge.ts';
import type { ExtractOptions, GazetteerPerson, ReadoutInput } from './types.ts';

// Patterns of the functions below, made once rather than at every call.
const GUEST_LEAD = /^\s+(?:(?:the|his|her)\s+)?$/i;
const POSSESSIVE = /^['’]s/;
// Unicode-aware: "Déby yesterday" does not end in "by" (\b sees "é" as a boundary).
const SPAN_START = /(?<![\p{L}\p{N}_])(?:since|until|till|by|from|before|after|between)\s*$/iu;
const MEETING_NOUN = /^meetings?\b/i;
const EARLIER_ONE = /\b(?:recent|previous|earlier|last|past)\s+(?:(?:phone|telephone|video|bilateral)\s+)?$/i;
/** Words that carry the previous call's date to this sentence's: "also", "Later, Biden held talks". */
const ALSO = /\balso\b|^\W*(?:later|afterwards|after that|subsequently|then)\b/i;
const HE_SHE = /\b(?:he|she)\b/i;
const HEAD_OF_GOVERNMENT = /minister|chancellor|premier/i;
const FORMER = /^former\s+/;

/** The words that join a second verb to the first one's clause: "and then held a call with". */
const COORDINATED_VERB = /^\s*,?\s*(?:and|then|and then|and later|later|before|and also)\s+$/i;
/** "spoke with each other": the subjects are the counterparts. */
const EACH_OTHER = /^(?:\s+[\w.,-]+){0,6}?\s+(?:with|to)\s+(?:each other|one another)\b/i;
/** A pair named before, as the subject right before the verb: "the two leaders spoke". */
const PAIR_REFERENCE =
  /\b(?:the|both)\s+(?:two\s+)?(?:leaders|presidents|prime ministers|heads of (?:state|government))\s+(?:(?:also|have|had|then|later|today|on\s+\w+)\s+)*$/i;

/** Participation in the conversation just reported: "joined the video call", "took part in the talks". */
const JOINED_THE =
  /\b(?:took part|participated|joined|attended)\s+(?:in\s+)?the\s+(?:[\w-]+\s+)?(?:call|conversation|meeting|video-?conference|videoconference|talks|discussion|summit)\b/i;

/** Sticky twins of the initiative phrases, tried where the prefilter places them. */
const STICKY_INITIATIVE = new Map([INITIATIVE, REFERRING_INITIATIVE].map((re) => [re, stickyOf(re)]));

/** Triggers tried per sentence before giving up on it (pathological texts have thousands). */
const MAX_TRIGGERS_PER_SENTENCE = 8;

/** Longest text extraction reads (characters); readouts are far shorter. */
export const MAX_EXTRACT_CHARS = 100_000;

interface Candidate {
  mentions: Mention[];
  mode: CallMode;
  date: string | null;
  /** 0 default (publication/dateline), 1 inherited, 2 stated in the sentence. */
  dateRank: number;
  initiator: Mention[] | null;
  sentence: number;
  /** Later sentences that add participants ("X and Y took part"). */
  more: number[];
  subject: Mention | null;
}

interface Resolved {
  participant: Participant;
  mention: Mention;
}

interface Context {
  knowledge: Knowledge;
  reporting: ReportingSide;
  mentions: Mention[];
  refDate: string | null;
}

function detectTitle(text: string, meta: Partial<ReadoutMeta>): { title: string | null; end: number } {
  const firstLine = /^[^\n]*/.exec(text)?.[0] ?? '';
  const trimmed = firstLine.trim();
  if (meta.title && trimmed === meta.title.trim()) return { title: meta.title, end: firstLine.length };
  const more = text.slice(firstLine.length).trim() !== '';
  if (
    more &&
    trimmed.length > 0 &&
    trimmed.length <= 200 &&
    !/[.!?"”…]$/.test(trimmed) &&
    !/^\S+[.,]\s+\w+\s+\d{1,2}[.,]/.test(trimmed)
  ) {
    if (findDateExpressions(trimmed).some((e) => e.kind !== 'explicit' && e.start < 3))
      return { title: meta.title ?? null, end: 0 };
    return { title: meta.title ?? trimmed, end: firstLine.length };
  }
  return { title: meta.title ?? null, end: 0 };
}

/** Picks the gazetteer person a mention means on a date (ambiguous surnames). */
function pickPerson(ids: string[], date: string | null, knowledge: Knowledge): GazetteerPerson | undefined {
  const persons = ids
    .map((id) => knowledge.leaderById(id))
    .filter((p): p is GazetteerPerson => p !== undefined);
  if (persons.length <= 1 || !date) return persons[0];
  return persons.find((p) => p.offices.some((o) => inOffice(o, date))) ?? persons[0];
}

function officeOn(person: GazetteerPerson, date: string | null, polity: string | null) {
  const offices = person.offices.filter((o) => polity === null || o.polity === polity);
  if (date) {
    const now = offices.filter((o) => inOffice(o, date));
    return now.find((o) => isLeaderOffice(o.role)) ?? now[0] ?? null;
  }
  return offices.at(-1) ?? null;
}

function holderFor(
  ctx: Context,
  polity: string,
  roleCanon: string,
  date: string | null,
  at: number,
): GazetteerPerson | undefined {
  if (!date) return undefined;
  const found = ctx.knowledge.holders(polity, roleCanon, date);
  if (roleCanon === 'leader' || roleCanon === 'counterpart') {
    // "Lukashenko … the Belarusian leader": of a state's holders, the one the text named first.
    const named =
      found.length > 1
        ? found.find((p) => ctx.mentions.some((x) => x.start < at && x.ids.length === 1 && x.ids[0] === p.id))
        : undefined;
    return (
      named ??
      found.find((p) =>
        p.offices.some((o) => o.polity === polity && inOffice(o, date) && HEAD_OF_GOVERNMENT.test(o.role)),
      ) ??
      found[0]
    );
  }
  return found[0];
}

/**
 * The one person holding the office on the date, or undefined when the gazetteer lists several
 * (the EU's two presidents); on a handover day the outgoing holder does not count.
 */
function soleHolder(ctx: Context, polity: string, canon: string, date: string): GazetteerPerson | undefined {
  const found = ctx.knowledge.holders(polity, canon, date);
  const staying =
    found.length > 1
      ? found.filter(
          (p) =>
            !p.offices.some((o) => o.polity === polity && o.to === date && rolesCompatible(o.role, canon)),
        )
      : found;
  return staying.length === 1 ? staying[0] : undefined;
}

function personParticipant(
  person: GazetteerPerson,
  m: Mention | null,
  date: string | null,
  ctx: Context,
): Participant {
  // The text's adjective names the state, unless the person holds no office there on the date
  // and does hold one elsewhere: the gazetteer's office then wins over a misread adjective.
  let textState = m?.state ?? null;
  if (textState && date) {
    const held = ctx.knowledge.officesOn(person.id, date);
    if (held.length > 0 && !held.some((o) => o.polity === textState))
      textState = (held.find((o) => isLeaderOffice(o.role)) ?? held[0]!).polity;
  }
  const office = officeOn(person, date, textState) ?? officeOn(person, date, null);
  let leader: boolean;
  if (m?.former) leader = false;
  else if (date) leader = ctx.knowledge.officesOn(person.id, date).some((o) => isLeaderOffice(o.role));
  else leader = m?.role ? m.role.leader : person.offices.some((o) => isLeaderOffice(o.role));
  const genericRole = !m?.role || m.role.canon === 'counterpart' || m.role.canon === 'leader';
  return {
    id: person.id,
    name: person.name,
    state: textState ?? office?.polity ?? person.offices.at(-1)?.polity ?? null,
    role: genericRole ? (office?.role ?? null) : (m?.roleText ?? null),
    leader,
    verified: true,
  };
}

function polityName(ctx: Context, code: string): string {
  return ctx.knowledge.index.states.get(code)?.name ?? ctx.knowledge.index.orgs.get(code)?.name ?? code;
}

/** Resolves one mention to a participant on a date; null when it names nobody. */
function resolveMention(m: Mention, date: string | null, ctx: Context, depth = 0): Participant | null {
  if (m.ids.length > 0) {
    const person = pickPerson(m.ids, date, ctx.knowledge);
    return person ? personParticipant(person, m, date, ctx) : null;
  }
  if (m.name) {
    const role = m.role;
    return {
      id: slugify(m.name),
      name: m.name,
      state: m.state,
      role: m.roleText,
      leader: !!role && role.leader && !m.former && !m.qualified && m.state !== null,
      verified: false,
    };
  }
  if (!m.role) return null;
  const canon = m.role.canon;
  if (m.state) {
    const person = holderFor(ctx, m.state, canon, date, m.start);
    if (person) return personParticipant(person, m, date, ctx);
    if (canon === 'leader' || canon === 'counterpart') return null;
    const name = `${m.role.display} of ${polityName(ctx, m.state)}`;
    return {
      id: slugify(name),
      name,
      state: m.state,
      role: m.roleText,
      leader: m.role.leader && !m.qualified,
      verified: false,
    };
  }
  if (!m.unqualified || canon === 'leader' || canon === 'counterpart' || depth > 0) return null;
  const { polity, role } = ctx.reporting;
  if (polity && date && (role === null || rolesCompatible(role, canon) || role === canon)) {
    // Only a single holder: "the President" of a European Commission readout could be either of
    // the EU's two presidents, and the text must say which.
    const person = soleHolder(ctx, polity, canon, date);
    if (person) return personParticipant(person, { ...m, state: polity }, date, ctx);
  }
  // Coreference: the latest earlier mention with the same role and a name (looking back a little).
  const from = firstMentionAt(ctx.mentions, m.start) - 1;
  for (let i = from; i >= 0 && i >= from - 200; i--) {
    const prev = ctx.mentions[i]!;
    if (prev.role?.canon !== canon) continue;
    if (prev.ids.length > 0 || prev.name) return resolveMention(prev, date, ctx, depth + 1);
  }
  // "The Taoiseach": a title only one state uses names that state's holder.
  const titled = date ? titlePolity(canon) : null;
  const titleHolder = titled ? soleHolder(ctx, titled, canon, date!) : undefined;
  if (titleHolder) return personParticipant(titleHolder, { ...m, state: titled }, date, ctx);
  return null;
}

/** Year of a dateline without one: the single year that fits the weekday and the tenures named. */
function resolveDatelineYear(
  month: number,
  day: number,
  weekday: number | null,
  rec: Recognition,
  ctx: Context,
  upper: string,
): number | null {
  const constraints = rec.mentions.filter(
    (m) => m.ids.length === 1 && m.role && m.role.leader && !m.former && m.role.canon !== 'counterpart',
  );
  if (weekday === null && constraints.length === 0) return null;
  const feasible: number[] = [];
  for (let y = Number(upper.slice(0, 4)); y >= 1950; y--) {
    const iso = isoOf(y, month, day);
    if (!iso || iso > upper) continue;
    if (weekday !== null && weekdayOf(iso) !== weekday) continue;
    const ok = constraints.every((m) => {
      const person = ctx.knowledge.leaderById(m.ids[0]!);
      if (!person) return true;
      return person.offices.some(
        (o) =>
          inOffice(o, iso) &&
          (m.state === null || o.polity === m.state) &&
          rolesCompatible(o.role, m.role!.canon),
      );
    });
    if (ok) feasible.push(y);
  }
  return feasible.length === 1 ? feasible[0]! : null;
}

/** The text with the given spans (sorted, offsets relative to `base`) replaced by `fill`. */
function maskSpans(text: string, spans: readonly Span[], base: number, fill: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const s of spans) {
    const a = Math.max(at, s.start - base);
    const z = Math.min(text.length, s.end - base);
    if (z <= a) continue;
    parts.push(text.slice(at, a), fill.repeat(z - a));
    at = z;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Index of the first mention starting at or after `offset` (mentions are sorted by start). */
function firstMentionAt(mentions: readonly Mention[], offset: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function key(p: Participant): string {
  return p.id;
}

/** A participant known only by office ("Foreign Minister of Qatar"). */
function isUnnamed(p: Participant): boolean {
  return !p.verified && p.role !== null && p.name.startsWith(p.role.replace(FORMER, ''));
}

/** Same person, or an office description that fits a named participant of the same state. */
function sameSide(a: Participant, b: Participant): boolean {
  if (a.id === b.id) return true;
  if (!(isUnnamed(a) || isUnnamed(b)) || a.state === null || a.state !== b.state) return false;
  return a.role === null || b.role === null || canonicalRole(a.role) === canonicalRole(b.role);
}

/**
 * Extracts calls, mentions and warnings from one readout.
 *
 * @example
 * const x = extractReadout({ source: 'a.txt', text: 'Moscow. October 16. ...', meta: { published: null } }, knowledge);
 * x.calls[0]?.date; // '2023-10-16'
 */
export function extractReadout(
  input: ReadoutInput,
  knowledge: Knowledge,
  options: ExtractOptions = {},
): Extraction {
  const meta = input.meta;
  const warnings: string[] = [];
  // Readouts are a few pages; a longer text is read up to a bound so that time stays linear.
  let text = input.text;
  if (text.length > MAX_EXTRACT_CHARS) {
    const cut = Math.max(text.lastIndexOf('\n', MAX_EXTRACT_CHARS), text.lastIndexOf(' ', MAX_EXTRACT_CHARS));
    text = text.slice(0, cut > MAX_EXTRACT_CHARS / 2 ? cut : MAX_EXTRACT_CHARS);
    warnings.push(`text has ${input.text.length} characters: only the first ${text.length} were read`);
  }
  const { title, end: titleEnd } = detectTitle(text, meta);
  let published = meta.published ?? null;
  if (!published && meta.url) published = dateFromUrl(meta.url);
  if (!published && title) published = dateFromTitle(title);
  const upper = published ?? options.today ?? todayIso();

  const tokens = tokenize(text);
  const rec = recognize(text, tokens, knowledge.index);
  const reporting = findReportingSide({ ...meta, title }, knowledge.index);
  const ctx: Context = { knowledge, reporting, mentions: rec.mentions, refDate: null };

  // Reference date: the dateline's date when there is one, else the publication date.
  const segments = splitSentences(text);
  const dateline = findDateline(text, titleEnd);
  let refDate: string | null = published;
  if (dateline) {
    if (dateline.year !== null) refDate = isoOf(dateline.year, dateline.month, dateline.day);
    else if (published) refDate = latestMonthDay(published, dateline.month, dateline.day);
    else {
      const lead = text.slice(dateline.end, dateline.end + 400);
      const weekdayExpr = findDateExpressions(lead).find((e) => e.kind === 'weekday');
      const weekday = weekdayExpr?.kind === 'weekday' ? weekdayExpr.weekday : null;
      const year = resolveDatelineYear(dateline.month, dateline.day, weekday, rec, ctx, upper);
      refDate = year === null ? null : isoOf(year, dateline.month, dateline.day);
      if (year === null) warnings.push('dateline has no year and the weekday and tenures do not fix one');
    }
  }
  if (refDate && refDate > upper) refDate = null;
  ctx.refDate = refDate;

  // Candidates from trigger sentences.
  const candidates: Candidate[] = [];
  const triggerSentences = new Set<number>();
  // The helpers that read this readout's state are written `const { f } = { f() {…} }`, as
  // methods: tsx runs hotline through esbuild with keepNames, which renames every named
  // closure (Object.defineProperty) each time it is made, per readout; methods keep their
  // names without it. Helpers that need no state are module functions.
  const { mentionsIn } = {
    mentionsIn(seg: Segment): Mention[] {
      let lo = 0;
      let hi = rec.mentions.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rec.mentions[mid]!.start < seg.start) lo = mid + 1;
        else hi = mid;
      }
      const out: Mention[] = [];
      for (let i = lo; i < rec.mentions.length && rec.mentions[i]!.start < seg.end; i++) {
        if (rec.mentions[i]!.end <= seg.end) out.push(rec.mentions[i]!);
      }
      return out;
    },
  };
  // "The leaders of the Group of Seven": a body's members as a whole name no one participant.
  const { collective } = {
    collective(m: Mention): boolean {
      return (
        m.role?.plural === true &&
        m.ids.length === 0 &&
        !m.name &&
        m.state !== null &&
        knowledge.index.orgs.has(m.state) &&
        !knowledge.index.states.has(m.state)
      );
    },
  };
  // Triggers of each segment, found once: the candidate loop, the joiner check and the
  // sentence attribution all ask.
  const segmentTriggers: Array<Trigger[] | undefined> = [];
  // One prefilter scan of the text for themes, triggers and initiative phrases (in that order).
  const themeCount = knowledge.index.themeFilter.size;
  const triggerCount = TRIGGER_EXPRESSIONS.length;
  const textStarts = knowledge.index.textFilter.starts(text);
  const { triggersOf } = {
    triggersOf(si: number): Trigger[] {
      let found = segmentTriggers[si];
      if (found === undefined) {
        const seg = segments[si]!;
        const starts = PrefixFilter.within(
          textStarts,
          themeCount,
          themeCount + triggerCount,
          seg.start,
          seg.end,
        );
        found = findTriggers(seg.text, starts);
        segmentTriggers[si] = found;
      }
      return found;
    },
  };
  // Per-segment results candidatesFor asks for again for each trigger of a sentence.
  const maskedSentences: Array<string | undefined> = [];
  const joinersAfter: Array<Mention[] | undefined> = [];
  const segmentCues: Array<ReturnType<typeof modeCue> | undefined> = [];
  /** The mode a whole segment states, read once. */
  const { cueOf } = {
    cueOf(j: number): ReturnType<typeof modeCue> {
      let c = segmentCues[j];
      if (c === undefined) {
        c = modeCue(segments[j]!.text);
        segmentCues[j] = c;
      }
      return c;
    },
  };

  const { candidatesFor } = {
    candidatesFor(
      seg: Segment,
      si: number,
      trigger: Trigger,
      all: Trigger[],
      inSentence: Mention[],
      isTitle: boolean,
    ): Candidate[] {
      const g = groupMentions(seg.text, seg.start, inSentence, trigger);
      // "Biden and Xi spoke for two hours, discussing President Lai": names after the verb are topics.
      if (trigger.kind === 'mutual') g.objects = [];
      // "Xi had a call with Putin and then held a video call with Lula": a second verb joined by
      // "and" keeps the first one's subject; Putin is that verb's counterpart, not its subject.
      const earlier = all.filter((t) => t.end <= trigger.start).at(-1);
      if (earlier && secondVerbOf(seg, trigger, inSentence, earlier))
        g.subjects = groupMentions(seg.text, seg.start, inSentence, earlier).subjects;
      // The sentence with its mentions blanked, and the joiners after it, are the same for
      // every trigger of the sentence: made once.
      let masked = maskedSentences[si];
      if (masked === undefined) {
        masked = maskSpans(seg.text, inSentence, seg.start, '_');
        maskedSentences[si] = masked;
      }
      if (isPlanned(masked, trigger, g.objectsEnd)) return [];
      // "X, Y and Z took part" right after the sentence: more participants of the same conversation.
      const next = isTitle ? undefined : segments[si + 1];
      // A next sentence with its own trigger adds people only when it points back ("joined the call").
      let joiners: Mention[];
      if (!next) joiners = [];
      else {
        let found = joinersAfter[si];
        if (found === undefined) {
          found =
            triggersOf(si + 1).length === 0 || JOINED_THE.test(next.text)
              ? findJoiners(next.text, next.start, mentionsIn(next))
              : [];
          joinersAfter[si] = found;
        }
        joiners = found;
      }
      if (joiners.length > 0) {
        g.objects = [...g.objects, ...joiners];
        g.joint = true;
      }
      if (trigger.kind === 'verb' && trigger.direction === 'out' && g.objects.length === 0) return [];
      // "Macron and Scholz spoke to reporters": the preposition names someone who is no leader.
      if (
        trigger.counterpartAfter &&
        g.objects.length === 0 &&
        !EACH_OTHER.test(seg.text.slice(trigger.end, trigger.end + 80))
      )
        return [];
      if (trigger.kind === 'host') {
        // The guest follows the verb at once and is a person, not a possessor ("welcomed X's decision").
        const guest = g.objects[0];
        if (!guest) return [];
        const lead = seg.text.slice(trigger.end, guest.start - seg.start);
        const tail = seg.text.slice(guest.end - seg.start, guest.end - seg.start + 2);
        if (!GUEST_LEAD.test(lead) || POSSESSIVE.test(tail)) return [];
      }
      // Mode: the sentence's own words, else the context (title, earlier sentences), else a default.
      let cue: CallMode | 'meeting?' | null =
        trigger.mode ?? modeCue(seg.text.slice(Math.max(0, trigger.start - 40), g.objectsEnd + 60));
      if (cue === null || cue === 'meeting?') {
        let context: ReturnType<typeof modeCue> = null;
        for (let j = si - 1; j >= 0 && j >= si - 4; j--) {
          const c = cueOf(j);
          if (c && c !== 'meeting?') {
            context = c;
            break;
          }
        }
        if (!context) {
          for (let j = 0; j < segments.length; j++) {
            const c = cueOf(j);
            if (c === 'video' || c === 'phone') {
              context = c;
              break;
            }
          }
        }
        const weak = cue === 'meeting?';
        // "his recent meeting with Biden" names its own mode, whatever calls surround it.
        if (weak && MEETING_NOUN.test(seg.text.slice(trigger.start, trigger.end))) cue = 'meeting';
        else cue = context ?? (weak ? 'meeting' : 'phone');
      }
      const mode = cue as CallMode;
      // Date.
      let date: string | null = refDate;
      let dateRank = 0;
      if (!isTitle) {
        // The dateline's own date is the reference for relative words, never a call date itself.
        const exprs = findDateExpressions(seg.text).filter(
          (e) =>
            !(
              dateline !== null &&
              seg.start + e.start >= dateline.start &&
              seg.start + e.start < dateline.end
            ) && !SPAN_START.test(seg.text.slice(Math.max(0, e.start - 8), e.start)),
        );
        if (exprs.length > 0) {
          const nearest = exprs.reduce((a, b) =>
            Math.abs(a.start - trigger.start) <= Math.abs(b.start - trigger.start) ? a : b,
          );
          const resolved = resolveExpression(nearest, refDate);
          date = resolved === undefined ? null : resolved;
          if (date && date > upper) date = null;
          dateRank = 2;
        } else if (ALSO.test(seg.text) || g.implicitSubject) {
          const prev = candidates.at(-1);
          if (prev && prev.dateRank === 2) {
            date = prev.date;
            dateRank = 1;
          }
        }
      }
      // "the results of his recent talks with Xi": an earlier conversation whose day the text does not give.
      if (dateRank === 0 && EARLIER_ONE.test(seg.text.slice(Math.max(0, trigger.start - 24), trigger.start)))
        date = null;
      // "The two leaders spoke by phone": the pair named in the title or a sentence just before.
      if (
        g.subjects.length === 0 &&
        g.objects.length === 0 &&
        PAIR_REFERENCE.test(seg.text.slice(0, trigger.start))
      ) {
        for (let j = si - 1; j >= 0 && j >= si - 3; j--) {
          const named = mentionsIn(segments[j]!).filter(
            (m) => (m.ids.length > 0 || m.name !== null) && !m.former && !collective(m),
          );
          if (named.length >= 2)
            return [
              {
                mentions: named,
                mode,
                date,
                dateRank,
                initiator: null,
                sentence: si,
                more: [],
                subject: null,
              },
            ];
        }
      }
      // A verb with no counterpart is a conversation only between the subjects it names.
      if (trigger.kind === 'mutual' && g.subjects.length < 2) return [];
      // Subject.
      let subjects = g.subjects;
      if (subjects.length === 0 && !(g.joint && g.objects.length >= 2)) {
        const prev = candidates.at(-1)?.subject;
        const reportingMention: Mention | null = reporting.person
          ? personMention(seg.start, seg.start, [reporting.person])
          : reporting.polity && reporting.role
            ? {
                start: seg.start,
                end: seg.start,
                ids: [],
                name: null,
                role: { canon: reporting.role, display: reporting.role, leader: true, plural: false },
                roleText: null,
                state: null,
                qualified: false,
                former: false,
                unqualified: true,
              }
            : null;
        // The last named leader mentioned before the sentence.
        let earlier: Mention | undefined;
        for (let i = rec.mentions.length - 1; i >= 0 && earlier === undefined; i--) {
          const m = rec.mentions[i]!;
          if (m.end <= seg.start && (m.ids.length > 0 || m.name) && !m.former && (m.role?.leader ?? true))
            earlier = m;
        }
        const pronoun = g.implicitSubject && HE_SHE.test(seg.text.slice(0, trigger.start));
        const implicit = pronoun ? (prev ?? earlier ?? reportingMention) : (reportingMention ?? prev ?? null);
        if (implicit) subjects = [implicit];
      }
      const objects = g.objects;
      let groups: Mention[][];
      if (g.joint || subjects.length >= 2) groups = [[...subjects, ...objects]];
      else if (objects.length >= 2 && (trigger.plural || trigger.kind === 'verb'))
        groups = objects.map((o) => [...subjects, o]);
      else groups = [[...subjects, ...objects]];
      // Noun triggers ("During the phone call, A told B ...") fall back to every mention of the sentence.
      if (groups.length === 1 && distinctMentions(groups[0]!) < 2 && trigger.kind === 'noun') {
        groups = [inSentence.filter((m) => !(m.role && m.role.canon === 'spokesman'))];
      }
      const inbound = all.some((t) => t.direction === 'in') || trigger.direction === 'in';
      const outbound = trigger.direction === 'out';
      return groups
        .filter((grp) => grp.length >= 2)
        .map((grp) => {
          const objs = grp.filter((m) => !subjects.includes(m));
          return {
            mentions: grp,
            mode,
            date,
            dateRank,
            initiator: inbound ? objs : outbound ? subjects : null,
            sentence: si,
            more: joiners.length > 0 ? [si + 1] : [],
            subject: subjects[0] ?? null,
          };
        });
    },
  };

  segments.forEach((seg, si) => {
    const triggers = triggersOf(si);
    if (triggers.length === 0) return;
    const isTitle = seg.start < titleEnd;
    const inSentence = mentionsIn(seg).filter((m) => !collective(m));
    // A real sentence has a few triggers; each one tried costs the sentence's length. The first
    // that yields conversations reports them; a later one only when it is a second verb of the
    // same subject ("had a call with A and then held a video call with B").
    let found: Trigger | null = null;
    for (const trigger of triggers.slice(0, MAX_TRIGGERS_PER_SENTENCE)) {
      if (found !== null && !secondVerbOf(seg, trigger, inSentence, found)) continue;
      const made = candidatesFor(seg, si, trigger, triggers, inSentence, isTitle);
      if (made.length > 0) {
        triggerSentences.add(si);
        candidates.push(...made);
        found = trigger;
      }
    }
  });

  // Resolve participants and merge candidates that describe the same conversation.
  interface Built {
    resolved: Resolved[];
    mode: CallMode;
    date: string | null;
    dateRank: number;
    initiator: string | null;
    sentences: Set<number>;
    joint: boolean;
  }
  const built: Built[] = [];
  for (const c of candidates) {
    const dateForPeople = c.date ?? refDate ?? published;
    const resolved: Resolved[] = [];
    for (const m of c.mentions) {
      const p = counterpartOf(m, c.mentions, dateForPeople, ctx) ?? resolveMention(m, dateForPeople, ctx);
      if (!p || resolved.some((r) => key(r.participant) === key(p))) continue;
      resolved.push({ participant: p, mention: m });
    }
    if (resolved.length < 2) continue;
    // "his Turkish counterpart Hakan Fidan": a counterpart holds the same rank as the other side.
    for (const r of resolved) {
      if (r.participant.verified || r.mention.role?.canon !== 'counterpart') continue;
      r.participant.leader = resolved.every((o) => o === r || o.participant.leader);
    }
    let initiator: string | null = null;
    if (c.initiator && c.initiator.length > 0) {
      const first = resolved.find((r) => c.initiator!.includes(r.mention));
      initiator = first?.participant.state ?? null;
    }
    const b: Built = {
      resolved,
      mode: c.mode,
      date: c.date,
      dateRank: c.dateRank,
      initiator,
      sentences: new Set([c.sentence, ...c.more]),
      joint: resolved.length > 2,
    };
    const mine = resolved.map((r) => r.participant);
    const same = built.find((x) => {
      const theirs = x.resolved.map((r) => r.participant);
      const inTheirs = mine.every((p) => theirs.some((q) => sameSide(p, q)));
      const inMine = theirs.every((q) => mine.some((p) => sameSide(p, q)));
      const subset = inTheirs || inMine;
      const equal = inTheirs && inMine && theirs.length === mine.length;
      const datesOk = x.date === b.date || x.dateRank < 2 || b.dateRank < 2;
      return datesOk && (equal || (subset && (x.joint || b.joint)));
    });
    if (same) {
      if (b.resolved.length > same.resolved.length) {
        same.resolved = b.resolved;
        same.joint = b.joint;
      } else if (b.resolved.length === same.resolved.length) {
        // Prefer named participants over office descriptions ("Crown Prince of Saudi Arabia").
        same.resolved = same.resolved.map((r) => {
          if (!isUnnamed(r.participant)) return r;
          return (
            b.resolved.find((o) => !isUnnamed(o.participant) && sameSide(r.participant, o.participant)) ?? r
          );
        });
      }
      if (b.dateRank > same.dateRank) {
        same.date = b.date;
        same.dateRank = b.dateRank;
      }
      same.initiator = same.initiator ?? b.initiator;
      if (same.mode !== b.mode && b.mode !== 'phone')
        same.mode = b.mode === 'meeting' && same.mode === 'video' ? 'video' : b.mode;
      for (const s of b.sentences) same.sentences.add(s);
    } else built.push(b);
  }

  // Initiative phrases anywhere: "convened by X", "at the request of X".
  // A phrase a sentence holds is found in the whole text too: most texts have none, and
  // then no sentence needs reading.
  const { initiativeIn } = {
    initiativeIn(re: RegExp, filterIndex: number): boolean {
      const places = textStarts[filterIndex];
      if (places === null) return false;
      if (places) return matchesAt(STICKY_INITIATIVE.get(re)!, text, places).length > 0;
      re.lastIndex = 0;
      const found = re.test(text);
      re.lastIndex = 0;
      return found;
    },
  };
  const hasInitiative = initiativeIn(INITIATIVE, themeCount + triggerCount);
  segments.forEach((seg, si) => {
    if (!hasInitiative) return;
    INITIATIVE.lastIndex = 0;
    for (const m of seg.text.matchAll(INITIATIVE)) {
      const at = seg.start + m.index + m[0].length;
      const before = seg.start + m.index;
      // "at the Iranian side's initiative" names its side before the phrase; the others after it.
      const sideBefore = /side/i.test(m[0]);
      const target = sideBefore ? undefined : rec.mentions.find((x) => x.start >= at && x.start - at <= 12);
      let code: string | null = null;
      if (target) code = resolveMention(target, refDate, ctx)?.state ?? target.state ?? null;
      if (!code && !/side/i.test(m[0])) {
        // "at the initiative of the Turkish side": a state, not a person, after the phrase.
        const st = rec.states.find((s) => s.start >= at && s.start - at <= 12);
        code = st?.code ?? null;
      }
      if (!code && /side/i.test(m[0])) {
        const st = rec.states.filter((s) => s.end <= before && before - s.end <= 12).at(-1);
        code = st?.code ?? null;
      }
      if (!code) continue;
      // The phrase belongs to the calls of its own sentence when it has any, else to every call.
      const own = built.filter((b) => b.sentences.has(si));
      for (const b of own.length > 0 ? own : built) {
        if (b.initiator) continue;
        if (b.resolved.some((r) => r.participant.state === code)) b.initiator = code;
      }
    }
  });

  // "at the latter's request": the last (or, for "the former", the one before) of the two
  // call participants named before the phrase.
  for (const seg of initiativeIn(REFERRING_INITIATIVE, themeCount + triggerCount + 1) ? segments : []) {
    for (const m of seg.text.matchAll(REFERRING_INITIATIVE)) {
      const pos = seg.start + m.index;
      const named: Array<{ state: string | null; call: Built }> = [];
      for (let i = firstMentionAt(rec.mentions, pos) - 1; i >= 0 && named.length < 2; i--) {
        const p = resolveMention(rec.mentions[i]!, refDate, ctx);
        const call = p && built.find((b) => b.resolved.some((r) => r.participant.id === p.id));
        if (!p || !call) continue;
        if (named.some((n) => n.state === p.state)) continue;
        if (named.length === 1 && named[0]!.call !== call) break;
        named.push({ state: p.state, call });
      }
      const pick = /latter/i.test(m[0]) ? named[0] : named[1];
      if (pick?.state && !pick.call.initiator) pick.call.initiator = pick.state;
    }
  }

  // Sentences about each call: the trigger sentences, then following sentences that name
  // one call's counterpart, or all calls of the last trigger sentence.
  const about = built.map((b) => new Set(b.sentences));
  if (built.length === 1) {
    for (let i = 0; i < segments.length; i++) about[0]!.add(i);
  } else if (built.length > 1) {
    let current: number[] = [];
    const firstTrigger = Math.min(...built.flatMap((b) => [...b.sentences]));
    segments.forEach((seg, i) => {
      const owners = built.map((b, bi) => (b.sentences.has(i) ? bi : -1)).filter((x) => x >= 0);
      if (owners.length > 0) {
        current = owners;
        return;
      }
      const named = mentionsIn(seg);
      const hits = new Set<number>();
      for (const m of named) {
        const p = resolveMention(m, refDate, ctx);
        if (!p) continue;
        built.forEach((b, bi) => {
          const inThis = b.resolved.some((r) => r.participant.id === p.id);
          const inAll = built.every((o) => o.resolved.some((r) => r.participant.id === p.id));
          if (inThis && !inAll) hits.add(bi);
        });
      }
      if (hits.size > 0) current = [...hits];
      if (i < firstTrigger) {
        // A lead sentence about the conversations in general ("X spoke to leaders of ... on phone").
        if (seg.start >= titleEnd && triggersOf(i).length > 0) for (const a of about) a.add(i);
        return;
      }
      for (const bi of current) about[bi]!.add(i);
      if (current.length === 0 && i >= firstTrigger) for (const a of about) a.add(i);
    });
  }

  // Themes read the text with role phrases blanked: "NATO Secretary General" names an office, not a topic.
  const themeText = maskSpans(
    text,
    rec.mentions.filter((m) => m.role),
    0,
    ' ',
  );
  const segmentThemes =
    built.length > 0
      ? knowledge.index.themesOnText
        ? themesBySegment(
            segments,
            themeText,
            knowledge,
            textStarts,
            textStarts.slice(knowledge.index.excludeOffset),
          )
        : themesBySegment(segments, themeText, knowledge, knowledge.index.themeFilter.starts(themeText), null)
      : [];
  const subjectCache = new Map<Segment, SubjectCandidate[]>();
  const calls: ExtractedCall[] = built.map((b, bi) => {
    const order = [...about[bi]!].sort((x, y) => x - y);
    const sents = order.map((i) => segments[i]!);
    const participantSpans = b.resolved.map((r) => ({ start: r.mention.start, end: r.mention.end }));
    const evidence: Span[] = [...b.sentences]
      .sort((x, y) => x - y)
      .map((i) => ({ start: segments[i]!.start, end: segments[i]!.end }));
    const participants = b.resolved.map((r) => r.participant);
    return {
      participants,
      date: b.date,
      mode: b.mode,
      initiator: b.initiator,
      themes: themesOf(order, segmentThemes, knowledge),
      subjects: extractSubjects(sents, rec, participantSpans, participants, knowledge, subjectCache),
      evidence,
    };
  });

  // Mentions: states and leaders named that took part in no call.
  const participantStates = new Set(calls.flatMap((c) => c.participants.map((p) => p.state)));
  const states = [...new Set(rec.states.map((s) => s.code))].filter((c) => !participantStates.has(c));
  const participantIds = new Set(calls.flatMap((c) => c.participants.map((p) => p.id)));
  const leaders: MentionedLeader[] = [];
  for (const m of rec.mentions) {
    if (m.ids.length === 0) continue;
    const person = pickPerson(m.ids, refDate, knowledge);
    if (!person || participantIds.has(person.id) || leaders.some((l) => l.id === person.id)) continue;
    const office = officeOn(person, refDate, m.state) ?? person.offices.at(-1);
    leaders.push({ id: person.id, name: person.name, state: m.state ?? office?.polity ?? null });
  }
  if (calls.length === 0 && triggerSentences.size === 0 && hasTrigger(text)) {
    warnings.push(
      'interaction words found, but none reports a conversation that took place between named leaders',
    );
  }
  if (calls.some((c) => c.date === null))
    warnings.push('the text and publication date do not fix the date of every call');

  return {
    source: input.source,
    id: readoutId(input.text),
    readout: {
      title: title ?? null,
      url: meta.url ?? null,
      publisher: meta.publisher ?? null,
      published,
      language: meta.language ?? null,
    },
    text: input.text,
    calls,
    mentions: { leaders, states },
    warnings,
  };
}

/** Theme ids of a call: those of its sentences, in taxonomy order. */
/** How many different people (or offices) the mentions name. */
function distinctMentions(ms: Mention[]): number {
  return new Set(ms.map((m) => `${m.ids.join(',')}|${m.name}|${m.role?.canon}|${m.state}|${m.unqualified}`))
    .size;
}

/**
 * Whether `trigger` is a second verb joined to the clause of `first`: named people follow
 * `first`, and only "and (then)" stands between the last of them and `trigger`.
 */
function secondVerbOf(seg: Segment, trigger: Trigger, inSentence: Mention[], first: Trigger): boolean {
  let last: Mention | undefined;
  for (const m of inSentence) if (m.end - seg.start <= trigger.start) last = m;
  if (!last || last.start - seg.start < first.end) return false;
  return COORDINATED_VERB.test(seg.text.slice(last.end - seg.start, trigger.start));
}

/**
 * "Putin spoke with his French counterpart": the holder of the same office as the other
 * side (the French President, not the Prime Minister); undefined when that does not apply.
 */
function counterpartOf(
  m: Mention,
  group: Mention[],
  date: string | null,
  ctx: Context,
): Participant | undefined {
  if (m.role?.canon !== 'counterpart' || m.ids.length > 0 || m.name || !m.state || !date) return undefined;
  for (const other of group) {
    if (other === m || other.role?.canon === 'counterpart') continue;
    const p = resolveMention(other, date, ctx);
    if (!p) continue;
    if (!p.verified) {
      // "Foreign Minister Lavrov spoke with his Turkish counterpart": a minister's counterpart
      // is that state's minister, whom the gazetteer of leaders does not know.
      if (!other.role || other.role.leader) continue;
      const name = `${other.role.display} of ${polityName(ctx, m.state)}`;
      return {
        id: slugify(name),
        name,
        state: m.state,
        role: other.role.display,
        leader: false,
        verified: false,
      };
    }
    const office = ctx.knowledge.officesOn(p.id, date).find((o) => o.polity === p.state);
    if (!office) continue;
    const holder = ctx.knowledge.holders(m.state, canonicalRole(office.role), date)[0];
    return holder ? personParticipant(holder, m, date, ctx) : undefined;
  }
  return undefined;
}

function themesOf(sentences: number[], segmentThemes: string[][], knowledge: Knowledge): string[] {
  const ids = new Set<string>();
  for (const i of sentences) for (const id of segmentThemes[i]!) ids.add(id);
  return knowledge.index.themes.map((t) => t.id).filter((id) => ids.has(id));
}

/**
 * Theme ids of every segment. Each pattern runs once over the whole text rather than once per
 * sentence; when a match leaves its sentence (or the theme looks around), the theme is read
 * sentence by sentence instead, so the result is the same as matching each sentence alone.
 */
function themesBySegment(
  segments: Segment[],
  themeText: string,
  knowledge: Knowledge,
  starts: ReadonlyArray<number[] | null | undefined>,
  excludeStarts: ReadonlyArray<number[] | null | undefined> | null,
): string[][] {
  const out: string[][] = segments.map(() => []);
  // Where each pattern (and exclusion) may start: one the prefilter rules out matches nowhere
  // in the text and is left out; one it places is tried only there; without places, anywhere.
  let at = 0;
  let exAt = 0;
  for (const compiled of knowledge.index.themes) {
    const first = at;
    const exFirst = exAt;
    at += compiled.patterns.length;
    exAt += compiled.exclude.length;
    const kept = compiled.patterns.map((_, k) => k).filter((k) => starts[first + k] !== null);
    if (kept.length === 0) continue;
    const exKept = compiled.exclude.map((_, k) => k).filter((k) => excludeStarts?.[exFirst + k] !== null);
    const theme: CompiledTheme = {
      ...compiled,
      patterns: kept.map((k) => compiled.patterns[k]!),
      sticky: kept.map((k) => compiled.sticky[k]!),
      exclude: exKept.map((k) => compiled.exclude[k]!),
      excludeSticky: exKept.map((k) => compiled.excludeSticky[k]!),
    };
    const places = kept.map((k) => starts[first + k] ?? undefined);
    const exPlaces = exKept.map((k) => excludeStarts?.[exFirst + k] ?? undefined);
    const hits = theme.local ? null : themeHits(theme, places, exPlaces, segments, themeText);
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const hit = hits ? hits[i]! : sentenceHasTheme(themeText.slice(seg.start, seg.end), theme);
      if (hit) out[i]!.push(theme.id);
    }
  }
  return out;
}

/** The matches of a global pattern over the text (or of its sticky twin at `places`). */
function matchesOf(
  re: RegExp,
  sticky: RegExp,
  places: number[] | undefined,
  text: string,
): RegExpExecArray[] {
  if (places) return matchesAt(sticky, text, places);
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m);
    // An empty match ends the reading anyway (see inSegments).
    if (m[0].length === 0) break;
  }
  re.lastIndex = 0;
  return found;
}

/** Matches placed in their segments: [segment, start, end]; null when one is empty or not inside one. */
function inSegments(matches: RegExpExecArray[], segments: Segment[]): Array<[number, number, number]> | null {
  const found: Array<[number, number, number]> = [];
  let si = 0;
  for (const m of matches) {
    const a = m.index;
    const z = a + m[0].length;
    while (si < segments.length && segments[si]!.end <= a) si++;
    const seg = segments[si];
    if (z === a || !seg || a < seg.start || z > seg.end) return null;
    found.push([si, a, z]);
  }
  return found;
}

/** Per segment, whether the theme matches there (a pattern match no exclusion overlaps); null to read by sentence. */
function themeHits(
  theme: CompiledTheme,
  places: Array<number[] | undefined>,
  exPlaces: Array<number[] | undefined>,
  segments: Segment[],
  text: string,
): boolean[] | null {
  const matched: Array<[number, number, number]> = [];
  for (let k = 0; k < theme.patterns.length; k++) {
    const found = inSegments(matchesOf(theme.patterns[k]!, theme.sticky[k]!, places[k], text), segments);
    if (!found) return null;
    matched.push(...found);
  }
  const hits = segments.map(() => false);
  // No match anywhere: no sentence can match either, whatever the exclusions.
  if (matched.length === 0) return hits;
  const excluded: Array<[number, number, number]> = [];
  for (let k = 0; k < theme.exclude.length; k++) {
    const found = inSegments(
      matchesOf(theme.exclude[k]!, theme.excludeSticky[k]!, exPlaces[k], text),
      segments,
    );
    if (!found) return null;
    excluded.push(...found);
  }
  for (const [si, a, z] of matched) {
    // Both lie inside segments, so an overlap is always within the same sentence.
    if (!hits[si] && !excluded.some(([, ea, ez]) => ea < z && ez > a)) hits[si] = true;
  }
  return hits;
}

function sentenceHasTheme(sentence: string, theme: CompiledTheme): boolean {
  return theme.patterns.some((re) => {
    for (const m of sentence.matchAll(re)) {
      const a = m.index;
      const z = a + m[0].length;
      const excluded = theme.exclude.some((ex) => {
        for (const e of sentence.matchAll(ex)) if (e.index < z && e.index + e[0].length > a) return true;
        return false;
      });
      if (!excluded) return true;
    }
    return false;
  });
}

export { canonicalRole };
