/**
 * Call records: one row per Call node with its participants, topics and sources, the shape
 * analysts load into a data frame (JSON Lines) and the input of the PLOVER writer.
 */
import type { CallRecord, GraphData } from '@hotline/model';
import { getBoolean, getString, getStrings, indexGraph } from './internal/graph.ts';

const THEME_PREFIX = 'theme:';

/**
 * Derives one `CallRecord` per Call node, in node order: participants from TOOK_PART (with the
 * leader's properties), themes and subjects from ABOUT → Topic, sources from REPORTS ← Readout.
 */
export function callRecords(graph: GraphData): CallRecord[] {
  const index = indexGraph(graph, 'callRecords');
  const records: CallRecord[] = [];
  for (const call of graph.nodes) {
    if (call.label !== 'Call') continue;
    const p = call.properties;
    const record: CallRecord = {
      id: call.id,
      date: getString(p, 'date'),
      dates: getStrings(p, 'dates'),
      mode: getString(p, 'mode') ?? 'phone',
      multilateral: getBoolean(p, 'multilateral'),
      participants: [],
      themes: [],
      subjects: [],
      sources: [],
    };
    for (const edge of index.incoming.get(call.id) ?? []) {
      const source = index.nodes.get(edge.source);
      if (!source) continue;
      if (edge.type === 'TOOK_PART' && source.label === 'Leader') {
        const leader = source.properties;
        record.participants.push({
          id: source.id,
          name: getString(leader, 'name') ?? source.id,
          state: getString(leader, 'state'),
          role: getString(leader, 'role'),
          leader: getBoolean(leader, 'leader'),
          initiator: getBoolean(edge.properties, 'initiator'),
        });
      } else if (edge.type === 'REPORTS' && source.label === 'Readout') {
        const readout = source.properties;
        record.sources.push({
          readout: source.id,
          url: getString(readout, 'url'),
          publisher: getString(readout, 'publisher'),
          published: getString(readout, 'published'),
          title: getString(readout, 'title'),
        });
      }
    }
    for (const edge of index.outgoing.get(call.id) ?? []) {
      const topic = index.nodes.get(edge.target);
      if (edge.type !== 'ABOUT' || topic?.label !== 'Topic') continue;
      if (topic.properties.kind === 'theme') {
        record.themes.push(
          topic.id.startsWith(THEME_PREFIX) ? topic.id.slice(THEME_PREFIX.length) : topic.id,
        );
      } else {
        record.subjects.push(getString(topic.properties, 'label') ?? topic.id);
      }
    }
    records.push(record);
  }
  return records;
}
