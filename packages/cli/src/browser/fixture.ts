/**
 * A small, hand-written world for the explorer's browser tests: 16 leaders in five regions
 * and one organization, ~40 dated calls over 18 months with themes, subjects and modes, and
 * readouts with evidence spans. One readout carries markup that must be shown, never run.
 * The same extractions feed `buildGraphData` (embedded mode) and `loadExtractions` (Neo4j).
 */
import {
  buildGraphData,
  type CallMode,
  type ExtractedCall,
  type Extraction,
  type GraphContext,
  type GraphData,
  type Participant,
  type Polity,
  readoutId,
} from '@hotline/model';

interface Person {
  id: string;
  name: string;
  state: string;
  role: string;
}

export const POLITIES: Record<string, Polity> = {
  USA: { code: 'USA', name: 'United States', kind: 'state', region: 'Americas', latlng: [38, -97] },
  BRA: { code: 'BRA', name: 'Brazil', kind: 'state', region: 'Americas', latlng: [-10, -55] },
  FRA: { code: 'FRA', name: 'France', kind: 'state', region: 'Europe', latlng: [46, 2] },
  DEU: { code: 'DEU', name: 'Germany', kind: 'state', region: 'Europe', latlng: [51, 9] },
  GBR: { code: 'GBR', name: 'United Kingdom', kind: 'state', region: 'Europe', latlng: [54, -2] },
  RUS: { code: 'RUS', name: 'Russia', kind: 'state', region: 'Europe', latlng: [60, 100] },
  UKR: { code: 'UKR', name: 'Ukraine', kind: 'state', region: 'Europe', latlng: [49, 32] },
  TUR: { code: 'TUR', name: 'Turkey', kind: 'state', region: 'Asia', latlng: [39, 35] },
  CHN: { code: 'CHN', name: 'China', kind: 'state', region: 'Asia', latlng: [35, 105] },
  IND: { code: 'IND', name: 'India', kind: 'state', region: 'Asia', latlng: [20, 77] },
  JPN: { code: 'JPN', name: 'Japan', kind: 'state', region: 'Asia', latlng: [36, 138] },
  SAU: { code: 'SAU', name: 'Saudi Arabia', kind: 'state', region: 'Asia', latlng: [25, 45] },
  EGY: { code: 'EGY', name: 'Egypt', kind: 'state', region: 'Africa', latlng: [27, 30] },
  ZAF: { code: 'ZAF', name: 'South Africa', kind: 'state', region: 'Africa', latlng: [-29, 24] },
  AUS: { code: 'AUS', name: 'Australia', kind: 'state', region: 'Oceania', latlng: [-27, 133] },
  UN: { code: 'UN', name: 'United Nations', kind: 'organization', region: null, latlng: null },
};

export const PEOPLE: Record<string, Person> = {
  biden: { id: 'joe-biden', name: 'Joe Biden', state: 'USA', role: 'President' },
  lula: {
    id: 'luiz-inacio-lula-da-silva',
    name: 'Luiz Inácio Lula da Silva',
    state: 'BRA',
    role: 'President',
  },
  macron: { id: 'emmanuel-macron', name: 'Emmanuel Macron', state: 'FRA', role: 'President' },
  scholz: { id: 'olaf-scholz', name: 'Olaf Scholz', state: 'DEU', role: 'Chancellor' },
  sunak: { id: 'rishi-sunak', name: 'Rishi Sunak', state: 'GBR', role: 'Prime Minister' },
  putin: { id: 'vladimir-putin', name: 'Vladimir Putin', state: 'RUS', role: 'President' },
  zelensky: { id: 'volodymyr-zelensky', name: 'Volodymyr Zelensky', state: 'UKR', role: 'President' },
  erdogan: { id: 'recep-tayyip-erdogan', name: 'Recep Tayyip Erdoğan', state: 'TUR', role: 'President' },
  xi: { id: 'xi-jinping', name: 'Xi Jinping', state: 'CHN', role: 'President' },
  modi: { id: 'narendra-modi', name: 'Narendra Modi', state: 'IND', role: 'Prime Minister' },
  kishida: { id: 'fumio-kishida', name: 'Fumio Kishida', state: 'JPN', role: 'Prime Minister' },
  mbs: { id: 'mohammed-bin-salman', name: 'Mohammed bin Salman', state: 'SAU', role: 'Crown Prince' },
  sisi: { id: 'abdel-fattah-al-sisi', name: 'Abdel Fattah al-Sisi', state: 'EGY', role: 'President' },
  ramaphosa: { id: 'cyril-ramaphosa', name: 'Cyril Ramaphosa', state: 'ZAF', role: 'President' },
  albanese: { id: 'anthony-albanese', name: 'Anthony Albanese', state: 'AUS', role: 'Prime Minister' },
  guterres: { id: 'antonio-guterres', name: 'António Guterres', state: 'UN', role: 'Secretary-General' },
};

function participant(key: string): Participant {
  const p = PEOPLE[key];
  if (!p) throw new Error(`fixture: no person "${key}"`);
  return { id: p.id, name: p.name, state: p.state, role: p.role, leader: true, verified: true };
}

/** [publisher, caller, callee, date, mode, themes, subjects] */
type CallRow = [string, string, string, string, CallMode, string[], string[]];

export const CALLS: CallRow[] = [
  ['Elysée', 'macron', 'zelensky', '2023-01-09', 'phone', ['armed-conflict'], ['Donbas']],
  ['Kremlin', 'putin', 'erdogan', '2023-01-05', 'phone', ['ceasefire-peace'], []],
  ['White House', 'biden', 'scholz', '2023-01-24', 'video', ['armed-conflict'], []],
  ['Élysée', 'macron', 'scholz', '2023-02-07', 'meeting', ['bilateral-cooperation'], []],
  ['Downing Street', 'sunak', 'zelensky', '2023-02-20', 'phone', ['armed-conflict'], ['Black Sea']],
  ['Kremlin', 'putin', 'xi', '2023-03-21', 'meeting', ['bilateral-cooperation', 'trade-investment'], []],
  ['PMO India', 'modi', 'kishida', '2023-03-20', 'meeting', ['trade-investment'], []],
  ['White House', 'biden', 'sunak', '2023-03-13', 'meeting', ['bilateral-cooperation'], ['AUKUS']],
  ['White House', 'biden', 'albanese', '2023-03-13', 'meeting', ['bilateral-cooperation'], ['AUKUS']],
  ['Presidency of Turkey', 'erdogan', 'zelensky', '2023-04-11', 'phone', ['ceasefire-peace'], ['Black Sea']],
  ['Planalto', 'lula', 'xi', '2023-04-14', 'meeting', ['trade-investment'], []],
  ['Kremlin', 'putin', 'mbs', '2023-05-02', 'phone', ['energy'], ['OPEC+']],
  ['UN', 'guterres', 'erdogan', '2023-05-17', 'phone', ['ceasefire-peace'], ['Black Sea']],
  ['Egyptian Presidency', 'sisi', 'mbs', '2023-06-06', 'phone', ['bilateral-cooperation'], []],
  ['Presidency of South Africa', 'ramaphosa', 'putin', '2023-06-17', 'meeting', ['ceasefire-peace'], []],
  ['Presidency of South Africa', 'ramaphosa', 'zelensky', '2023-06-16', 'meeting', ['ceasefire-peace'], []],
  ['White House', 'biden', 'modi', '2023-06-22', 'meeting', ['trade-investment'], []],
  ['Kremlin', 'putin', 'lula', '2023-07-20', 'phone', ['bilateral-cooperation'], []],
  ['Élysée', 'macron', 'modi', '2023-07-14', 'meeting', ['bilateral-cooperation'], []],
  ['Downing Street', 'sunak', 'kishida', '2023-08-04', 'video', ['trade-investment'], []],
  ['PMO India', 'modi', 'ramaphosa', '2023-08-23', 'meeting', ['trade-investment'], ['BRICS']],
  ['Kremlin', 'putin', 'erdogan', '2023-09-04', 'meeting', ['energy'], ['Black Sea']],
  ['White House', 'biden', 'zelensky', '2023-09-21', 'meeting', ['armed-conflict'], []],
  ['Egyptian Presidency', 'sisi', 'macron', '2023-10-10', 'phone', ['humanitarian'], ['Gaza Strip']],
  ['Egyptian Presidency', 'sisi', 'biden', '2023-10-14', 'phone', ['humanitarian'], ['Gaza Strip']],
  ['Kremlin', 'putin', 'sisi', '2023-10-16', 'phone', ['humanitarian'], ['Gaza Strip']],
  ['UN', 'guterres', 'sisi', '2023-10-20', 'phone', ['humanitarian'], ['Gaza Strip']],
  ['Élysée', 'macron', 'mbs', '2023-10-24', 'phone', ['humanitarian'], ['Gaza Strip']],
  ['White House', 'biden', 'xi', '2023-11-15', 'meeting', ['bilateral-cooperation'], []],
  ['Downing Street', 'sunak', 'scholz', '2023-11-24', 'phone', ['armed-conflict'], []],
  ['Japan PMO', 'kishida', 'albanese', '2023-12-04', 'video', ['trade-investment'], []],
  ['Presidency of Turkey', 'erdogan', 'sisi', '2024-01-10', 'phone', ['humanitarian'], ['Gaza Strip']],
  ['Élysée', 'macron', 'zelensky', '2024-02-16', 'meeting', ['armed-conflict'], []],
  ['Bundesregierung', 'scholz', 'zelensky', '2024-02-16', 'meeting', ['armed-conflict'], []],
  ['Kremlin', 'putin', 'xi', '2024-05-16', 'meeting', ['bilateral-cooperation'], []],
  ['PMO India', 'modi', 'putin', '2024-07-08', 'meeting', ['bilateral-cooperation'], []],
  ['White House', 'biden', 'macron', '2024-06-08', 'meeting', ['bilateral-cooperation'], []],
  ['Planalto', 'lula', 'macron', '2024-03-27', 'meeting', ['bilateral-cooperation'], []],
  ['UN', 'guterres', 'zelensky', '2024-04-03', 'video', ['humanitarian'], []],
  ['Élysée', 'macron', 'zelensky', '2024-05-10', 'phone', ['armed-conflict'], []],
];

/** The readout whose text carries markup: the explorer must print it as text. */
export const HOSTILE_MARKUP = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

const MODE_WORDS: Record<CallMode, string> = {
  phone: 'held a telephone conversation with',
  video: 'held a video call with',
  meeting: 'met',
};

export function fixtureExtractions(): Extraction[] {
  return CALLS.map(([publisher, a, b, date, mode, themes, subjects], i) => {
    const caller = participant(a);
    const callee = participant(b);
    const intro = `${publisher} statement, ${date}. `;
    const sentence = `${caller.role} ${caller.name} ${MODE_WORDS[mode]} ${callee.role} ${callee.name}.`;
    const tail =
      ` The two sides discussed ${themes.map((t) => t.replace(/-/g, ' ')).join(' and ')}` +
      (subjects.length ? `, with attention to ${subjects.join(', ')}` : '') +
      '. They agreed to stay in contact.' +
      (i === 0 ? ` Note from the archive: ${HOSTILE_MARKUP}` : '');
    const text = intro + sentence + tail;
    const start = intro.length;
    const call: ExtractedCall = {
      participants: [caller, callee],
      date,
      mode,
      initiator: caller.state,
      themes,
      subjects,
      evidence: [{ start, end: start + sentence.length }],
    };
    const slug = publisher
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z]+/g, '-');
    return {
      source: `fixture/${slug}-${date}.txt`,
      id: readoutId(text),
      readout: {
        title: `${caller.name} and ${callee.name}, ${date}`,
        url: i === 1 ? 'javascript:alert(1)' : `https://example.org/${slug}/${date}`,
        publisher,
        published: date,
        language: 'en',
      },
      text,
      calls: [call],
      mentions: { leaders: [], states: [] },
      warnings: [],
    };
  });
}

export const FIXTURE_CONTEXT: GraphContext = {
  polity: (code) => POLITIES[code],
  offices: (id) => {
    const person = Object.values(PEOPLE).find((p) => p.id === id);
    return person ? [{ polity: person.state, role: person.role, from: '2020-01-01', to: null }] : [];
  },
  themeLabel: (id) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
};

export function fixtureGraph(): GraphData {
  return buildGraphData(fixtureExtractions(), FIXTURE_CONTEXT, { includeText: true });
}
