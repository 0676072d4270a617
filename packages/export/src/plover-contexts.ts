/**
 * hotline theme → PLOVER contexts. PLOVER tags each event with zero or more contexts
 * (`military`, `economic`, `humanitarian`…); hotline tags calls with the themes of
 * data/themes.json. The table is data so callers can change it (`ploverContexts` option) and
 * docs/exports.md can show it. Themes missing from the table give no context.
 */

export const DEFAULT_PLOVER_CONTEXTS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'bilateral-cooperation': ['diplomatic', 'cooperation'],
  'trade-investment': ['economic'],
  energy: ['economic'],
  'finance-sanctions': ['economic'],
  'defense-security': ['military'],
  'armed-conflict': ['military', 'conflict'],
  'ceasefire-peace': ['conflict', 'diplomatic'],
  humanitarian: ['humanitarian'],
  'nuclear-nonproliferation': ['military'],
  terrorism: ['terrorism'],
  health: ['health'],
  'climate-environment': ['environment'],
  'food-security': ['food', 'humanitarian'],
  multilateral: ['diplomatic', 'cooperation'],
  'visits-summits': ['diplomatic'],
  'greetings-condolences': ['diplomatic'],
  'domestic-politics': [],
  migration: ['migration'],
  'technology-space': [],
  'transport-infrastructure': ['economic'],
  'culture-education': ['cooperation'],
});
