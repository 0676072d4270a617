/**
 * Interaction finding: trigger phrases ("had telephone conversations with", "met",
 * "received a call from", "spoke at the meeting"), the planned/negated filter, and the
 * grouping of a sentence's mentions into subjects and counterparts, giving one candidate
 * per counterpart or one joint candidate.
 */
import type { CallMode } from '@hotline/model';
import { matchesAt, PrefixFilter, stickyOf } from './prefilter.ts';
import type { Mention } from './recognize.ts';
import { SOURCE_ROLES } from './roles.ts';

export interface Trigger {
  start: number;
  end: number;
  /** Mode stated by the trigger itself; null when it says only "spoke" or "talks". */
  mode: CallMode | null;
  /** Who placed the call: the subject ('out') or the counterparts ('in'). */
  direction: 'out' | 'in' | null;
  /**
   * 'host': a visit's host receiving a guest ("hosted President X"); 'mutual': a verb naming
   * no counterpart, whose subjects spoke with each other ("Biden and Xi spoke for two hours").
   */
  kind: 'verb' | 'noun' | 'assembly' | 'host' | 'mutual';
  plural: boolean;
  between: boolean;
  /**
   * "spoke with/to": the counterpart follows the preposition, so without one the subjects
   * spoke to someone else ("Macron and Scholz spoke to reporters").
   */
  counterpartAfter: boolean;
}

const T = String.raw;
const ADJ = T`(?:(?:an?|the|their|his|her|separate|several|a number of|two|three|four|five|first|useful|productive|warm|cordial|lengthy|long|detailed|friendly|telephone|phone|telephonic|video|bilateral|online|virtual|joint|trilateral|extensive|congratulatory|brief|short|substantive|summit|leaders'?|constructive|fruitful|candid|frank)\s+)*`;

/** When, between the words of "received (today) a call (this morning) from". */
const WHEN = T`(?:today|yesterday|tonight|earlier|this\s+(?:morning|afternoon|evening)|on\s+\p{L}+)`;

const TRIGGER_PATTERNS: Array<{
  re: RegExp;
  mode: CallMode | null;
  direction?: 'out' | 'in';
  kind: Trigger['kind'];
  counterpartAfter?: boolean;
}> = [
  {
    re: new RegExp(
      T`\b(?:(?:received|receives|receiving|got|gets|took|takes)(?:\s+${WHEN})?\s+${ADJ}|(?:another|a\s+second|a\s+further)\s+)(?:(?:tele)?phone\s+)?calls?(?:\s+${WHEN})?\s+from\b`,
      'giu',
    ),
    mode: 'phone',
    direction: 'in',
    kind: 'verb',
  },
  {
    re: /\b(?:called|phoned|phones|rang|dialled|dialed|dials|telephoned|telephones)(?:\s+up)?\b(?!\s+(?:for|on|upon|to|it|off|out|in|into|attention|him a|her a)\b)/gi,
    mode: 'phone',
    direction: 'out',
    kind: 'verb',
  },
  {
    re: new RegExp(T`\bmade\s+${ADJ}(?:(?:tele)?phone\s+)?calls?\b`, 'gi'),
    mode: 'phone',
    direction: 'out',
    kind: 'verb',
  },
  {
    // The convener of a conference: "chaired a videoconference", "hosted a call of G7 leaders".
    re: new RegExp(
      T`\b(?:chaired|chairs|co-chaired|hosted|hosts|co-hosted|convened|convenes|organi[sz]ed)\s+${ADJ}(?:video-?conferences?|videoconferences?|video\s+(?:calls?|summit|meeting)|virtual\s+(?:meetings?|summit|talks)|online\s+(?:meetings?|summit)|(?:tele)?phone\s+(?:calls?|conversations?)|conference\s+calls?|calls?|meetings?|summit|talks)\b`,
      'gi',
    ),
    mode: null,
    direction: 'out',
    kind: 'verb',
  },
  {
    // "spoke by phone", "talked on the telephone", "spoke over the phone" (with or without "with").
    re: /\b(?:spoke|speaks|speak|spoken|speaking|talked|talks|talk|talking|chatted|conversed)\s+(?:by|on\s+the|over\s+the|via|via\s+the)\s+(?:tele)?phone\b/gi,
    mode: 'phone',
    kind: 'verb',
  },
  {
    // "held talks by phone", "had a conversation over the phone", "held talks via video link".
    re: new RegExp(
      T`\b(?:had|held|holds|conducted)\s+${ADJ}(?:talks|conversations?|discussions?|consultations)\s+(?:by|on\s+the|over\s+the|via|via\s+the)\s+(?:(?:tele)?phone|video(?:-?link|\s*conference)?)\b`,
      'gi',
    ),
    mode: null,
    kind: 'verb',
  },
  { re: /\bspoke\s+at\s+(?:the|a)\b/gi, mode: null, kind: 'assembly' },
  {
    re: /\b(?:spoke|speaks|spoken|speaking|talked|talking|chatted|conversed)\b(?=(?:\s+[\w.,-]+){0,6}?\s+(?:with|to)\b)/gi,
    mode: null,
    kind: 'verb',
    counterpartAfter: true,
  },
  {
    re: new RegExp(
      T`\b(?:had|held|hold|holds|has had|have had|conducted|conducts|was having|were having)\s+${ADJ}(?:conversations?|calls?|talks?|discussions?|meetings?|summits?|video-?conferences?|videoconferences?|consultations|conference calls?)\b`,
      'gi',
    ),
    mode: null,
    kind: 'verb',
  },
  {
    re: /\b(?:(?:tele)?phone|telephonic|video)\s+(?:conversations?|calls?|talks?|conference|link|discussions?|exchanges?)\b|\bvideo-?conferences?\b|\bconversations?\s+(?:with|between)\b|\bcalls?\s+(?:with|between)\b|\bmeetings?\s+(?:with|between)\b|\btalks\s+(?:with|between)\b/gi,
    mode: null,
    kind: 'noun',
  },
  // Not a meeting recalled: "Biden and Xi last met in November".
  { re: /(?<!\blast\s)\b(?:met|meets)\b(?:\s+with)?/gi, mode: 'meeting', kind: 'verb' },
  {
    // "sat down with", "had a working lunch with": talks in person without "met".
    re: /\b(?:sat down|sits down)\s+with\b|\b(?:had|held|hosted|gave|attended)\s+(?:an?\s+)?(?:working\s+|official\s+|private\s+|state\s+)?(?:lunch|dinner|breakfast)\s+with\b/gi,
    mode: 'meeting',
    kind: 'verb',
  },
  {
    // The host of a visit: "hosted President X", "welcomed Prime Minister Y to", "received Z".
    re: /\b(?:hosted|hosts|welcomed|welcomes|received|receives)(?:\s+in\s+(?:an?\s+)?(?:private\s+)?audience)?(?=\s+(?:the\s+|his\s+|her\s+)?\p{Lu})/gu,
    mode: 'meeting',
    kind: 'host',
  },
  {
    // "told B in a call", "during their phone call (on Monday)": a call named without "with";
    // not "in a call on the allies to ...".
    re: /\b(?:in|during)\s+(?:a|the|their|his|her)?\s*(?:first\s+|latest\s+)?(?:(?:tele)?phone\s+|video\s+)?call\b(?!\s+(?:for|to|from)\b)(?!\s+on\s+(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))/gi,
    mode: null,
    kind: 'noun',
  },
  {
    // "Biden and Xi spoke for nearly two hours": the subjects spoke with each other. Not a
    // past call recalled ("last spoke in March"), nor speaking (highly) of or out about something.
    re: /(?<!\blast\s)\b(?:spoke|talked|conversed)\b(?!\s+(?:(?:highly|warmly|fondly|glowingly|critically|well|ill)\s+)?(?:of|out|up|against|publicly|separately|individually)\b)/gi,
    mode: null,
    kind: 'mutual',
  },
  {
    // "discussed Gaza by phone", "talks over the phone": the way, without a verb of speaking.
    re: /(?<!\b(?:contacted|reached|interviewed|asked|speaking|quoted|told\s+reporters|told\s+journalists)\s+)\b(?:by|over\s+the|on\s+the|via)\s+(?:tele)?phone\b/gi,
    mode: 'phone',
    kind: 'noun',
  },
];

// Patterns of the functions below, made once rather than at every call.
const PLURAL_TRIGGER = /\b(?:conversations|calls|separate|several|number of)\b|\btalks\b.*separate/;
const SEPARATE = /separate/;
const BETWEEN = /\bbetween\b/;
const CLAUSE_BREAK = /[;:"“”]|,\s(?=[a-z])|,\s+(?:and|but)\s/;
const MAY_MODAL = /\bmay\b/;
const SHORT_LIST = /^,\s+(?:[a-z]+\s+){1,3}and\s+$/;
const SENTENCE_STOP = /[.;]\s/;
const NAME_SUFFIX_END = /\b(?:Jr|Sr|Jnr|Snr)$/;

/** The text between a name and what follows, without the dot of "Marcos Jr.". */
function gapAfter(sentence: string, from: number, to: number): string {
  const gap = sentence.slice(from, to);
  return gap.startsWith('.') && NAME_SUFFIX_END.test(sentence.slice(Math.max(0, from - 4), from))
    ? gap.slice(1)
    : gap;
}
const RELATIVE_CLAUSE = /\b(?:that|who|which)\b/i;
const PRONOUN = /\b(?:he|she|they|i|we)\b/i;
const JOINERS_LEAD = /^[\s"“]*(?:(?:also|in addition|besides)\s*,?\s*)?(?:the\s+)?$/i;
const JOINERS_TAIL = /^[\s,]*(?:(?:also|all|too|have|had|both|then)[\s,]+)*$/i;

const VIDEO =
  /\bvideo|videoconferenc|videolink|\bvirtual(?:ly)?\s+(?:meeting|summit|talks|call|conference)|\bonline\s+(?:meeting|summit|talks|conversation|call|conference)/i;
const PHONE =
  /\b(?:tele)?phon(?:e|ed|es|ic|ically)\b|\btelephonic|\bcalls?\b(?!\s+(?:for|on|upon)\b)|\bcalled\b(?!\s+(?:for|on|upon)\b)|\brang\b/i;
const MEETING_STRONG = /\b(?:met|meets)\b|\bin person\b|\bface-to-face\b|\bon the (?:sidelines|margins)\b/i;
// Not an event the call prepares or follows: "spoke with X ahead of the meeting of the Weimar Triangle".
const MEETING_WEAK =
  /(?<!\b(?:ahead\s+of|before|after|eve\s+of|for|upcoming|next|forthcoming|coming|planned)\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+|this\s+)?(?:\p{L}+\s+)?)\b(?:meetings?|talks|summit)\b/iu;

/** The mode a sentence states: 'video', 'phone', 'meeting' (strong), 'meeting?' (weak) or null. */
export function modeCue(text: string): CallMode | 'meeting?' | null {
  if (VIDEO.test(text)) return 'video';
  if (PHONE.test(text)) return 'phone';
  if (MEETING_STRONG.test(text)) return 'meeting';
  if (MEETING_WEAK.test(text)) return 'meeting?';
  return null;
}

/** The trigger expressions, in order (the prefilter's tests read them). */
export const TRIGGER_EXPRESSIONS: readonly RegExp[] = TRIGGER_PATTERNS.map((p) => p.re);

/** Which trigger patterns can match a text at all, from its words' first letters. */
const TRIGGER_FILTER = new PrefixFilter(TRIGGER_EXPRESSIONS);

/** Sticky twins of the trigger patterns, tried only where the prefilter places them. */
const TRIGGER_STICKY = TRIGGER_EXPRESSIONS.map(stickyOf);

/** The matches of trigger pattern `pi`, like a global exec loop over the text. */
function triggerMatches(pi: number, text: string, places: number[] | undefined): RegExpExecArray[] {
  if (places) return matchesAt(TRIGGER_STICKY[pi]!, text, places);
  // exec on the shared pattern, not matchAll: matchAll copies the expression on every call.
  const re = TRIGGER_PATTERNS[pi]!.re;
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m);
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return found;
}

/** A zeroed buffer of `n` flags, reused: findTriggers never nests, and allocating one is costly. */
let claimedBuffer = new Uint8Array(1024);
function claimedChars(n: number): Uint8Array {
  if (claimedBuffer.length < n) claimedBuffer = new Uint8Array(Math.max(n, claimedBuffer.length * 2));
  claimedBuffer.fill(0, 0, n);
  return claimedBuffer;
}

/** A module function, not a closure: tsx names every closure it creates (see recognize.ts). */
function anyClaimed(taken: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (taken[i] === 1) return true;
  return false;
}

/**
 * The trigger phrases of a sentence. `starts` are the prefilter's places for the trigger
 * patterns when a scan of the whole text already found them (see PrefixFilter.within).
 */
export function findTriggers(
  text: string,
  starts: ReadonlyArray<number[] | null | undefined> = TRIGGER_FILTER.starts(text),
): Trigger[] {
  const out: Trigger[] = [];
  // Characters already claimed by a trigger: checking a match costs its length, not the
  // number of triggers found so far (a pathological text can hold thousands).
  let taken: Uint8Array | null = null;
  for (let pi = 0; pi < TRIGGER_PATTERNS.length; pi++) {
    const places = starts[pi];
    if (places === null) continue;
    const p = TRIGGER_PATTERNS[pi]!;
    for (const m of triggerMatches(pi, text, places)) {
      const s = m.index;
      const e = s + m[0].length;
      taken ??= claimedChars(text.length);
      if (anyClaimed(taken, s, e)) continue;
      taken.fill(1, s, e);
      const word = m[0].toLowerCase();
      out.push({
        start: s,
        end: e,
        mode: p.mode ?? (VIDEO.test(word) ? 'video' : PHONE.test(word) ? 'phone' : null),
        direction: p.direction ?? null,
        kind: p.kind,
        plural: PLURAL_TRIGGER.test(word) || SEPARATE.test(word),
        between: BETWEEN.test(word),
        counterpartAfter: p.counterpartAfter ?? false,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Whether findTriggers would find anything: the first match of any pattern always counts. */
export function hasTrigger(text: string): boolean {
  const may = TRIGGER_FILTER.candidates(text);
  return TRIGGER_PATTERNS.some((p, pi) => {
    if (may[pi] === 0) return false;
    p.re.lastIndex = 0;
    const found = p.re.test(text);
    p.re.lastIndex = 0;
    return found;
  });
}

const PLAN_BEFORE =
  /\b(?:will|would|shall|might|could|can|plan(?:s|ned|ning)?|intend(?:s|ed)?|expect(?:s|ed)?|scheduled|propos(?:e|ed|es|al)|possib(?:le|ility)|ready to|agreed to|looking forward|look(?:s|ed)? forward|hope[sd]? to|invit\w+|upcoming|next|future|no|not|never|neither|nor|if|whether|asked|requested|want(?:s|ed)? to|wish(?:es|ed)? to|to (?:hold|have|speak|meet|talk|call|make)|prepar\w+|arrang\w+|set up|during (?:a|his|her|their) (?:upcoming|next|planned)|offer(?:s|ed|ing)? to|call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?)\b/i;
const PLAN_AFTER =
  /^[^.;]{0,160}?\b(?:(?:is|are|was|were|has been|have been|had been)\s+(?:not\s+)?(?:planned|scheduled|expected|set|proposed|envisaged|being prepared|being arranged|likely|possible|ruled out|cancell?ed|postponed|called off|put off|delayed|shelved)|will take place|to take place|is to be held|not planned|expected to (?:join|take place|last))\b/i;

/** "The Kremlin denied a report that Putin had spoken with …": a call someone else claims, denied. */
const DENIED_REPORT =
  /\b(?:denied|denies|deny|dismissed|dismisses|refuted|refutes|rejected|rejects)\b[^.;]{0,80}?\b(?:reports?|claims?|rumou?rs?|allegations?|suggestions?|speculation)\b/i;

/** True when the trigger reports a planned, proposed, hypothetical or denied interaction. */
export function isPlanned(sentence: string, trigger: Trigger, objectsEnd: number): boolean {
  let from = trigger.start;
  // Look back to the clause start, at most ~60 characters.
  const back = sentence.slice(Math.max(0, trigger.start - 60), trigger.start);
  const clause = back.split(CLAUSE_BREAK).at(-1) ?? back;
  from = trigger.start - clause.length;
  const lead = sentence.slice(from, trigger.end);
  // "may" is a modal only in lower case: "May 20" is a date.
  if (PLAN_BEFORE.test(lead) || MAY_MODAL.test(lead)) return true;
  if (DENIED_REPORT.test(sentence.slice(0, trigger.start))) return true;
  return PLAN_AFTER.test(sentence.slice(Math.max(trigger.end, objectsEnd)));
}

const FRAME =
  /\b(?:said|says|told\b[^,.;]{0,60}?|stated|announced|reported|noted|added|confirmed|informed\b[^,.;]{0,40}?)\s+that\b|\baccording to\b[^,]{0,80},|\b(?:said|says|told)\b[^,]{0,60}?:/gi;
// Time words and a repeated preposition may sit between counterparts too ("calls to A, and
// to B"; "spoke with A on Thursday morning, and later in the day with B").
const LIST_GAP_WORDS =
  /\b(?:and|as well as|also|then|later|subsequently|separately|together with|along with|with|to|the|including|his|her|their|counterparts?|respectively|(?:on|in|that|this|same|earlier)|(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)?day|morning|afternoon|evening|h\.?\s?e\.?|mr|mrs|ms|dr|shri|sri|smt|excellency|his excellency|her excellency)\b|\b\p{Lu}\.|[,;:()\s'’.-]/giu;

export function isListGap(gap: string): boolean {
  if (SHORT_LIST.test(gap)) return true;
  return gap.replace(LIST_GAP_WORDS, '').trim() === '' && !gap.includes('\n');
}

const FIRST_OBJECT_BLOCK =
  /[;:]\s|(?<!\b(?:H\.E|Mr|Mrs|Ms|Dr|Hon|Prof|\p{Lu}))\.\s|\b(?:said|says|that|who|which|plans?|will|would|discussed|agreed|expressed|noted|stressed|reported|told)\b|\b(?:press\s+(?:service|office|secretary)|spokes(?:man|woman|person)|website|account)\s+(?:of|for)\b/iu;

/** "a video call with the leaders of the Baltic states: A, B and C": one conversation with all. */
const LISTED_AFTER_COLON =
  /^\s*(?:with|to)\s+(?:the\s+)?(?:\w+\s+)?(?:leaders|heads\s+of\s+(?:state|government)|presidents|prime\s+ministers|counterparts)\b[^.;:]{0,60}:\s*$/i;

export interface Grouping {
  subjects: Mention[];
  objects: Mention[];
  /** The subject is implicit (a pronoun, a first-person quote, nothing at all). */
  implicitSubject: boolean;
  joint: boolean;
  objectsEnd: number;
}

/** Splits a trigger sentence's mentions into subjects (before the trigger) and counterparts (after). */
export function groupMentions(
  sentence: string,
  offset: number,
  mentions: Mention[],
  trigger: Trigger,
): Grouping {
  const usable = mentions.filter((m) => !(m.role && SOURCE_ROLES.has(m.role.canon) && m.ids.length === 0));
  const tStart = offset + trigger.start;
  const tEnd = offset + trigger.end;
  // Reporting frames: "X said that ...", "according to Y, ..." end before the subject.
  let frameEnd = offset;
  FRAME.lastIndex = 0;
  for (let m = FRAME.exec(sentence); m !== null; m = FRAME.exec(sentence))
    if (offset + m.index + m[0].length <= tStart) frameEnd = offset + m.index + m[0].length;
  FRAME.lastIndex = 0;
  const before = usable.filter((m) => m.start >= frameEnd && m.end <= tStart);
  const subjects: Mention[] = [];
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    const next = subjects[0];
    if (next) {
      const gap = sentence.slice(m.end - offset, next.start - offset);
      if (!isListGap(gap) && !(next.start === m.start)) break;
    } else {
      const gap = gapAfter(sentence, m.end - offset, tStart - offset);
      if (SENTENCE_STOP.test(gap) || RELATIVE_CLAUSE.test(gap)) break;
    }
    subjects.unshift(m);
  }
  const after = usable.filter((m) => m.start >= tEnd);
  const objects: Mention[] = [];
  let listed = false;
  let objectsEnd = trigger.end;
  for (const m of after) {
    const prev = objects.at(-1);
    if (!prev) {
      const gap = sentence.slice(trigger.end, m.start - offset);
      listed = LISTED_AFTER_COLON.test(gap);
      if (gap.length > 100 || (FIRST_OBJECT_BLOCK.test(gap) && !listed)) break;
    } else if (
      !(prev.start === m.start) &&
      !isListGap(gapAfter(sentence, prev.end - offset, m.start - offset))
    )
      break;
    objects.push(m);
    objectsEnd = m.end - offset;
  }
  const lead = sentence.slice(frameEnd - offset, trigger.start);
  const implicitSubject = subjects.length === 0 && (PRONOUN.test(lead) || lead.trim() === '');
  const triggerText = sentence.slice(trigger.start, trigger.end).toLowerCase();
  const joint =
    trigger.between ||
    (listed && objects.length >= 2) ||
    trigger.kind === 'assembly' ||
    subjects.length >= 2 ||
    /\b(?:joint|jointly|together|trilateral|quadrilateral|video ?conference|videoconference)\b/.test(
      triggerText,
    ) ||
    (trigger.kind === 'noun' && !trigger.plural && triggerText.startsWith('video'));
  return { subjects, objects, implicitSubject, joint, objectsEnd };
}

/** Initiator hints beyond the trigger verb: "at the request of X", "at the Iranian side's initiative". */
export const INITIATIVE =
  /\bat the (?:request|initiative|invitation) of\b|\b(?:side's|sides'|side’s)\s+(?:request|initiative)\b|\binitiated by\b|\bconvened by\b|\bhosted by\b|\bchaired by\b/gi;

const INVERTED_PARTICIPATION =
  /^[\s"“]*(?:also\s+)?(?:taking part|participating|present)\s+(?:in\s+)?(?:the\s+)?(?:meeting|call|conversation|talks|session|summit|video-?conference|video\s+call)\s+(?:were|was)\b/i;

const PARTICIPATION =
  /\b(?:took part|take part|participated|joined|attended|were (?:also )?(?:present|on the call|on the line))\b(?!\s+(?:NATO|the (?:EU|European Union|alliance|bloc|organi[sz]ation)))/i;

/**
 * Leaders a sentence adds to the conversation the previous sentence reported: "X, Y and Z
 * took part", "A and B also joined". The list must open the sentence and run up to the verb;
 * a planned participation ("will take part", "are expected to join") adds nobody.
 */
export function findJoiners(sentence: string, offset: number, mentions: Mention[]): Mention[] {
  // "Taking part in the meeting were A, B and C": the list follows the verb.
  const inverted = INVERTED_PARTICIPATION.exec(sentence);
  if (inverted) {
    const after = mentions.filter((m) => m.start - offset >= inverted[0].length);
    const listed: Mention[] = [];
    for (const m of after) {
      const prev = listed.at(-1);
      const gap = sentence.slice(prev ? prev.end - offset : inverted[0].length, m.start - offset);
      if (prev && m.start !== prev.start && !isListGap(gap)) break;
      if (!prev && gap.trim() !== '') break;
      listed.push(m);
    }
    return listed;
  }
  const verb = PARTICIPATION.exec(sentence);
  if (!verb) return [];
  const before = mentions.filter((m) => m.end - offset <= verb.index);
  if (before.length === 0) return [];
  if (!JOINERS_LEAD.test(sentence.slice(0, before[0]!.start - offset))) return [];
  for (let i = 1; i < before.length; i++) {
    const gap = sentence.slice(before[i - 1]!.end - offset, before[i]!.start - offset);
    if (before[i]!.start !== before[i - 1]!.start && !isListGap(gap)) return [];
  }
  const tail = sentence.slice(before.at(-1)!.end - offset, verb.index);
  if (!JOINERS_TAIL.test(tail)) return [];
  return before;
}

/** Initiative of a side named by reference: "at the latter's request", "at the initiative of the former". */
export const REFERRING_INITIATIVE =
  /\bat the (?:latter|former)(?:'s|’s)\s+(?:request|initiative|invitation)\b|\bat the (?:request|initiative) of the (?:latter|former)\b/gi;
