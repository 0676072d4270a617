/**
 * Stable ids. Ids must be the same across runs and machines, so they are derived from content
 * (hashes) or from names (slugs), never from counters or clocks.
 */
import { hash } from 'node:crypto';

/** Lower-case ASCII slug: "Abdel Fattah al-Sisi" -> "abdel-fattah-al-sisi". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// One-shot hashing: readouts are hashed once each during extraction, and building a Hash
// object per text cost several percent of extraction's time.
function sha256(text: string): string {
  return hash('sha256', text, 'hex');
}

/** A readout's id is a hash of its text, so the same text from two paths is one readout. */
export function readoutId(text: string): string {
  return `r-${sha256(text).slice(0, 20)}`;
}

/** Ids of topics: themes keep their taxonomy id, subjects are slugged. */
export function themeTopicId(theme: string): string {
  return `theme:${theme}`;
}

export function subjectTopicId(subject: string): string {
  return `subject:${slugify(subject)}`;
}

/**
 * A call's id is derived from what identifies the conversation: its participants, mode and
 * date. Two readouts of the same conversation then give the same id without coordination.
 */
export function callId(participantIds: readonly string[], mode: string, date: string | null): string {
  const key = [...participantIds].sort().join('|');
  return `c-${sha256(`${key}#${mode}#${date ?? 'undated'}`).slice(0, 20)}`;
}
