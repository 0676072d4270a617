/** `hotline build`: write the graph file that embedded mode (no Neo4j) serves. */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { buildGraphData, type Extraction } from '@hotline/model';
import { Command } from 'commander';
import { type ExtractStats, extractAll, graphContext, knowledgeFor } from '../context.ts';
import { DEFAULT_GRAPH_FILE, SAMPLES_DIR } from '../paths.ts';

export async function buildGraphFile(paths: string[], out: string, overlay?: string, verbose = false) {
  const knowledge = await knowledgeFor({ overlay });
  const stats: ExtractStats = { failed: 0, documents: 0 };
  const extractions: Extraction[] = [];
  for await (const extraction of extractAll(paths, knowledge, stats, verbose)) extractions.push(extraction);
  const graph = buildGraphData(extractions, graphContext(knowledge), { includeText: true });
  await mkdir(dirname(out), { recursive: true });
  // Write then rename, so a reader never sees half a file.
  const tmp = `${out}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(graph));
  await rename(tmp, out);
  return { stats, nodes: graph.nodes.length, edges: graph.edges.length };
}

export function buildCommand(): Command {
  return new Command('build')
    .description('extract readouts into a graph file for embedded mode (explorer without Neo4j)')
    .argument('[paths...]', 'readout files or folders', [SAMPLES_DIR])
    .option('--out <file>', 'graph file to write', DEFAULT_GRAPH_FILE)
    .option('--overlay <file>', 'your own gazetteer entries')
    .action(async (paths: string[], options: { out: string; overlay?: string }, command: Command) => {
      const result = await buildGraphFile(
        paths,
        options.out,
        options.overlay,
        Boolean(command.optsWithGlobals().verbose),
      );
      process.stdout.write(
        `wrote ${options.out}: ${result.stats.documents} readouts, ${result.nodes} nodes, ${result.edges} relationships\n`,
      );
      if (result.stats.failed > 0) process.exitCode = 1;
    });
}
