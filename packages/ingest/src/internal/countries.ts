/**
 * States from the `world-countries` package: names, official names, alternative spellings
 * and demonyms become lookup names for ISO alpha-3 codes. Only the few corrections the
 * corpus specification asks for (Kosovo is XKX) and common English short forms the
 * package lacks ("Turkey", "Britain", "U.S.") are added here. States come in precedence
 * order, so that a name several share reads as the sovereign state.
 */
import countries from 'world-countries';

export interface StateEntry {
  code: string;
  name: string;
  region: string | null;
  subregion: string | null;
  latlng: [number, number] | null;
  /** Names and adjectives that denote the state in English text. */
  names: string[];
  /** A sovereign UN member state (territories and dependencies are not). */
  unMember: boolean;
}

/**
 * Ranks states for names they share ("French": France and the French Southern Lands,
 * "American": the United States and the Northern Mariana Islands): UN members first, then
 * other independent states, then territories; between equals the larger area.
 */
function precedence(c: (typeof countries)[number]): [number, number] {
  const tier = c.unMember && c.independent ? 0 : c.independent ? 1 : 2;
  return [tier, -(c.area ?? 0)];
}

const CODE_FIXES: Record<string, string> = { UNK: 'XKX' };

/** English forms missing from world-countries (short names, older names, adjectives). */
const EXTRA_NAMES: Record<string, string[]> = {
  USA: ['U.S.', 'U.S.A.', 'US', 'USA', 'America', 'United States'],
  GBR: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom'],
  TUR: ['Turkey', 'Republic of Turkey', 'Turkish'],
  RUS: ['Russia', 'Russian Federation'],
  KOR: ['Republic of Korea', 'ROK', 'South Korea', 'Korea'],
  PRK: ['DPRK', "Democratic People's Republic of Korea"],
  CHN: ['PRC', "People's Republic of China"],
  ARE: ['UAE', 'Emirati'],
  SAU: ['Saudi'],
  NPL: ['Nepali'],
  LAO: ['Lao'],
  COD: ['DRC', 'DR Congo', 'Democratic Republic of Congo'],
  CZE: ['Czech Republic', 'Czech'],
  MMR: ['Burma', 'Burmese'],
  CIV: ['Ivory Coast', "Côte d'Ivoire"],
  VAT: ['Holy See', 'Vatican'],
  PSE: ['Palestine', 'State of Palestine', 'Palestinian'],
  TWN: ['Taiwan', 'Taiwanese'],
  XKX: ['Kosovo', 'Kosovar', 'Kosovan'],
  NLD: ['Dutch', 'Holland'],
  PHL: ['Filipino', 'Philippine'],
  BGD: ['Bangladeshi'],
  AZE: ['Azerbaijani'],
  KAZ: ['Kazakh'],
  UZB: ['Uzbek'],
  TJK: ['Tajik'],
  KGZ: ['Kyrgyz'],
  TKM: ['Turkmen'],
  SWE: ['Swedish'],
  DNK: ['Danish'],
  FIN: ['Finnish'],
  ESP: ['Spanish'],
  POL: ['Polish'],
  IRL: ['Irish'],
  CHE: ['Swiss'],
  THA: ['Thai'],
  CPV: ['Cape Verde', 'Cabo Verde', 'Cape Verdean'],
  SWZ: ['Swaziland'],
  MKD: ['Macedonia', 'North Macedonian', 'Macedonian'],
  BIH: ['Bosnia', 'Bosnian'],
  TLS: ['East Timor', 'Timorese', 'Timor-Leste'],
  FSM: ['Micronesia'],
  // Common English adjectives where world-countries has a rarer form ("Slovene", "Argentine").
  BWA: ['Botswanan'],
  DJI: ['Djiboutian'],
  MDV: ['Maldivian'],
  ISL: ['Icelandic'],
  SVK: ['Slovakian'],
  SVN: ['Slovenian'],
  LUX: ['Luxembourgish'],
  ARG: ['Argentinian'],
  ECU: ['Ecuadorian'],
  COM: ['Comorian'],
  SUR: ['Surinamese'],
  VUT: ['Vanuatuan'],
  GNQ: ['Equatoguinean'],
  ATG: ['Antiguan'],
  KNA: ['Kittitian'],
  VCT: ['Vincentian'],
  LCA: ['Saint Lucian'],
  VNM: ['Viet Nam'],
};

/** Names that must not be read as states ("North American Free Trade Agreement", "Indian Ocean"). */
export const NOT_STATE_PHRASES = [
  'North American',
  'South American',
  'Latin American',
  'Central American',
  'Indian Ocean',
  'American delegation of',
  'South African Development Community',
  'East African Community',
  'West African',
  'Central African',
  'Central Africa',
  'North Africa',
  'South Asia',
  'East Asia',
];

export function createStates(): StateEntry[] {
  const out: StateEntry[] = [];
  const ordered = [...countries].sort((a, b) => {
    const [ta, aa] = precedence(a);
    const [tb, ab] = precedence(b);
    return ta - tb || aa - ab;
  });
  for (const c of ordered) {
    const code = CODE_FIXES[c.cca3] ?? c.cca3;
    const names = new Set<string>([c.name.common, c.name.official]);
    for (const alt of c.altSpellings) {
      // Two-letter codes ("IN", "NO", "IT") collide with English words; keep real names only.
      if (alt.length >= 4 && /^[\p{L}\s'’().,-]+$/u.test(alt) && !alt.includes(',')) names.add(alt);
    }
    const demonyms = (c as { demonyms?: { eng?: { f: string; m: string } } }).demonyms?.eng;
    if (demonyms) {
      names.add(demonyms.m);
      names.add(demonyms.f);
    }
    for (const extra of EXTRA_NAMES[code] ?? []) names.add(extra);
    const latlng = c.latlng.length === 2 ? ([c.latlng[0]!, c.latlng[1]!] as [number, number]) : null;
    out.push({
      code,
      name: code === 'PSE' ? 'Palestine' : c.name.common,
      region: c.region || null,
      subregion: c.subregion || null,
      latlng,
      names: [...names].filter((n) => n.trim() !== ''),
      unMember: c.unMember && c.independent,
    });
  }
  return out;
}
