/**
 * Shared wiring for commands: the extraction knowledge, the graph context the loaders need,
 * a verified Neo4j client, and reading + extracting inputs with per-file errors.
 */
import { extractReadout, type Knowledge, loadKnowledge, readInputs } from '@hotline/ingest';
import type { Extraction, GraphContext } from '@hotline/model';
import { createClient, type GraphClient, resolveConnectionConfig } from '@hotline/neo4j';
import { reportFailure } from './output.ts';

export async function knowledgeFor(options: { overlay?: string }): Promise<Knowledge> {
  return loadKnowledge({ overlayPath: options.overlay ?? process.env.HOTLINE_GAZETTEER_OVERLAY });
}

export function graphContext(knowledge: Knowledge): GraphContext {
  const polities = new Map(knowledge.polities().map((p) => [p.code, p]));
  const themeLabels = new Map(knowledge.themes().map((t) => [t.id, t.label]));
  return {
    polity: (code) => polities.get(code),
    offices: (id) => knowledge.leaderOffices(id),
    themeLabel: (id) => themeLabels.get(id) ?? id,
    aliases: (id) => knowledge.leaderById(id)?.aliases ?? [],
  };
}

export async function connectNeo4j(): Promise<GraphClient> {
  const client = createClient(resolveConnectionConfig());
  try {
    await client.verify();
  } catch (error) {
    await client.close();
    throw error;
  }
  return client;
}

export interface ExtractStats {
  failed: number;
  documents: number;
}

/** Reads and extracts every input; failures are reported one line each and counted. */
export async function* extractAll(
  paths: string[],
  knowledge: Knowledge,
  stats: ExtractStats,
  verbose = false,
): AsyncGenerator<Extraction> {
  for await (const item of readInputs(paths)) {
    if ('error' in item) {
      stats.failed += 1;
      reportFailure(item.source, item.error, verbose);
      continue;
    }
    try {
      const extraction = extractReadout(item, knowledge);
      stats.documents += 1;
      yield extraction;
    } catch (error) {
      stats.failed += 1;
      reportFailure(item.source, error, verbose);
    }
  }
}
