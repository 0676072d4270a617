/**
 * Offices as text names them: a lexicon of role phrases ("Prime Minister", "Foreign
 * Ministers", "Secretary-General", "counterpart") with their canonical form, whether the
 * holder is a leader (head of state, head of government, head of an international
 * organization), and plurals.
 */
import { nameKey } from './text.ts';

export interface RoleSense {
  /** Canonical lower-case role ("prime minister"). */
  canon: string;
  /** Display form ("Prime Minister"). */
  display: string;
  leader: boolean;
  plural: boolean;
}

const LEADER_ROLES: Array<[string, string[]]> = [
  ['President', ['Presidents']],
  ['Prime Minister', ['Prime Ministers', 'PM', 'PMs']],
  ['Premier', ['Premiers']],
  ['Chancellor', ['Chancellors', 'Federal Chancellor', 'Bundeskanzler']],
  ['King', ['Kings']],
  ['Queen', ['Queens']],
  ['Emir', ['Emirs', 'Amir']],
  ['Sultan', ['Sultans']],
  ['Secretary-General', ['Secretary General', 'Secretaries-General', 'Secretaries General', 'SG']],
  ['Supreme Leader', []],
  ['Head of State', ['Heads of State', 'head of state']],
  ['Head of Government', ['Heads of Government']],
  ['Taoiseach', []],
  ['Grand Duke', []],
  ['Pope', []],
  ['Chairman', ['Chairperson', 'Chairwoman', 'Chair']],
  ['Director-General', ['Director General', 'Managing Director']],
  ['Leader', ['Leaders']],
  ['Counterpart', ['Counterparts']],
  ['Crown Prince', ['Crown Princes']],
  ['Vice President', ['Vice-President', 'Vice Presidents']],
  ['Deputy Prime Minister', ['Deputy Prime Ministers', 'First Deputy Prime Minister', 'Deputy PM']],
  ['Vice Premier', []],
  [
    'Foreign Minister',
    [
      'Foreign Ministers',
      'Minister of Foreign Affairs',
      'Ministers of Foreign Affairs',
      'Minister for Foreign Affairs',
      'Foreign Affairs Minister',
    ],
  ],
  ['Foreign Secretary', []],
  ['Secretary of State', []],
  [
    'Defense Minister',
    [
      'Defence Minister',
      'Defense Ministers',
      'Defence Ministers',
      'Minister of Defense',
      'Minister of Defence',
      'Defence Secretary',
      'Defense Secretary',
      'Secretary of Defense',
    ],
  ],
  ['Minister', ['Ministers']],
  ['Deputy Minister', []],
  ['Ambassador', ['Ambassadors']],
  ['Envoy', ['Special Envoy', 'Envoys', 'Special Representative']],
  [
    'Under-Secretary-General',
    ['Under-Secretary General', 'Under Secretary General', 'Under-Secretaries-General', 'USG'],
  ],
  ['High Representative', []],
  ['Commissioner', []],
  ['Chief Minister', ['Chief Ministers']],
  ['Governor', []],
  ['Speaker', []],
  ['Chief', []],
  ['Patron', []],
  ['General Secretary', []],
  ['National Security Adviser', ['National Security Advisor']],
  ['Adviser', ['Advisor', 'Aide']],
  ['Spokesman', ['Spokesperson', 'Spokeswoman', 'Press Secretary']],
  ['Crown Princess', []],
  ['Prince', []],
];

const NON_LEADER = new Set([
  'crown prince',
  'vice president',
  'deputy prime minister',
  'vice premier',
  'foreign minister',
  'foreign secretary',
  'secretary of state',
  'defense minister',
  'minister',
  'deputy minister',
  'ambassador',
  'envoy',
  'under-secretary-general',
  'high representative',
  'commissioner',
  'chief minister',
  'governor',
  'speaker',
  'chief',
  'patron',
  'general secretary',
  'national security adviser',
  'adviser',
  'spokesman',
  'crown princess',
  'prince',
]);

/** Roles whose holders report on someone else's calls and never take part in them. */
export const SOURCE_ROLES = new Set(['spokesman', 'adviser']);

const PLURAL =
  /\b(?:Presidents|Ministers|Premiers|Chancellors|Kings|Queens|Emirs|Sultans|Secretaries|Heads|Leaders|Counterparts|Princes|Ambassadors|Envoys|PMs)\b/;

function buildLexicon(): Map<string, RoleSense> {
  const map = new Map<string, RoleSense>();
  for (const [display, variants] of LEADER_ROLES) {
    const canon = display.toLowerCase();
    const leader = !NON_LEADER.has(canon);
    for (const form of [display, ...variants]) {
      const plural = PLURAL.test(form);
      const key = nameKey(form);
      if (!map.has(key)) map.set(key, { canon, display, leader, plural });
    }
  }
  return map;
}

export const ROLE_LEXICON = buildLexicon();
export const ROLE_MAX_TOKENS = Math.max(...[...ROLE_LEXICON.keys()].map((k) => k.split(' ').length));

/** Roles seen so far: the gazetteer has a few dozen distinct ones, asked about again and again. */
const canonCache = new Map<string, string>();
const leaderOfficeCache = new Map<string, boolean>();
const leaderRoleCache = new Map<string, boolean>();
const ROLE_CACHE_MAX = 10_000;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= ROLE_CACHE_MAX) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Titles that name one state's office by themselves ("the Taoiseach"). Only titles no other
 * state uses: "the Chancellor" or "the Secretary of State" could be several.
 */
const NATIONAL_TITLES = new Map([
  ['taoiseach', 'IRL'],
  ['grand duke', 'LUX'],
  ['pope', 'VAT'],
]);

/** The state whose office a title alone names, or null. */
export function titlePolity(canon: string): string | null {
  return NATIONAL_TITLES.get(canon) ?? null;
}

/** Canonical form of an office's role as the gazetteer writes it. */
export function canonicalRole(role: string): string {
  return canonCache.get(role) ?? remember(canonCache, role, computeCanonicalRole(role));
}

function computeCanonicalRole(role: string): string {
  role = role.replace(/^(?:acting|interim|caretaker)\s+/i, '');
  const sense =
    ROLE_LEXICON.get(nameKey(role)) ?? ROLE_LEXICON.get(nameKey(role.replace(/\s+(?:of|for)\s+.*$/i, '')));
  if (sense) return sense.canon;
  const folded = role.toLowerCase();
  for (const [key, s] of ROLE_LEXICON) {
    if (key.includes(' ') && nameKey(folded).endsWith(key)) return s.canon;
  }
  const last = nameKey(folded).split(' ').at(-1) ?? '';
  return ROLE_LEXICON.get(last)?.canon ?? folded;
}

const HEAD_OF_STATE = new Set([
  'president',
  'king',
  'queen',
  'emir',
  'sultan',
  'grand duke',
  'pope',
  'supreme leader',
]);
const HEAD_OF_GOVERNMENT = new Set(['prime minister', 'chancellor', 'premier', 'taoiseach']);

/** Whether an office role (gazetteer) fits the role the text names. */
export function rolesCompatible(officeRole: string, textCanon: string): boolean {
  const office = canonicalRole(officeRole);
  if (textCanon === 'leader' || textCanon === 'counterpart') return isLeaderRole(officeRole);
  if (textCanon === 'head of state') return HEAD_OF_STATE.has(office);
  if (textCanon === 'head of government') return HEAD_OF_GOVERNMENT.has(office);
  if (textCanon === 'premier' || textCanon === 'prime minister')
    return office === 'prime minister' || office === 'premier';
  if (textCanon === 'chairman') return office === 'chairman' || office === 'president';
  return office === textCanon;
}

/**
 * Whether a gazetteer office makes its holder a leader. The gazetteer lists leaders' offices, so
 * any office counts unless its role is a non-leader one (deputy, vice, minister, crown prince).
 */
export function isLeaderOffice(role: string): boolean {
  return leaderOfficeCache.get(role) ?? remember(leaderOfficeCache, role, computeIsLeaderOffice(role));
}

function computeIsLeaderOffice(role: string): boolean {
  if (/\b(?:vice|deputy)\b/i.test(role)) return false;
  return !NON_LEADER.has(canonicalRole(role)) || /^minister of state$/i.test(role);
}

export function isLeaderRole(role: string): boolean {
  return leaderRoleCache.get(role) ?? remember(leaderRoleCache, role, computeIsLeaderRole(role));
}

function computeIsLeaderRole(role: string): boolean {
  const canon = canonicalRole(role);
  if (NON_LEADER.has(canon)) return false;
  return ROLE_LEXICON.get(nameKey(canon))?.leader ?? false;
}
