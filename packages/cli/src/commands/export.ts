/** `hotline export`: a selected subgraph in a format other tools read. */
import { EXPORT_FORMATS, resolveExportFormat, writeExport, writeExportFile } from '@hotline/export';
import { HotlineError } from '@hotline/model';
import { selectedGraph } from '@hotline/server';
import { Command } from 'commander';
import { DEFAULT_GRAPH_FILE } from '../paths.ts';
import { openSource } from './serve.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

export function exportCommand(): Command {
  return new Command('export')
    .description(
      'export a subgraph (from Neo4j, or the embedded graph file) for Gephi, Cytoscape, pandas or another Neo4j',
    )
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'gexf')
    .option('--out <path>', 'file to write (a directory for csv); stdout when omitted')
    .option('--leader <name>', 'seed leader by id or name (repeatable)', collect, [])
    .option('--state <code>', 'seed state or organization code (repeatable)', collect, [])
    .option('--hops <n>', 'hops over CALLED edges from the seeds', '1')
    .option('--from <date>', 'first day, YYYY-MM-DD')
    .option('--to <date>', 'last day, YYYY-MM-DD')
    .option('--theme <id>', 'only calls about this theme (repeatable)', collect, [])
    .option('--mode <mode>', 'only phone, video or meeting (repeatable)', collect, [])
    .option('--min-calls <n>', 'drop leader pairs with fewer calls')
    .option(
      '--query <cypher>',
      'select with a read-only Cypher query returning nodes, relationships or paths',
    )
    .option('--embedded', 'read the graph file instead of Neo4j')
    .option('--graph-file <file>', 'graph file for --embedded', DEFAULT_GRAPH_FILE)
    .action(
      async (options: {
        format: string;
        out?: string;
        leader: string[];
        state: string[];
        hops: string;
        from?: string;
        to?: string;
        theme: string[];
        mode: string[];
        minCalls?: string;
        query?: string;
        embedded?: boolean;
        graphFile: string;
      }) => {
        const format = resolveExportFormat(options.format, '--format');
        if (format === 'csv' && !options.out) {
          throw new HotlineError(
            'INVALID_ARGUMENT',
            '--format csv writes several files: give --out DIRECTORY',
          );
        }
        const source = await openSource({ embedded: options.embedded, graphFile: options.graphFile });
        try {
          const graph = await selectedGraph(source, {
            leaders: options.leader.join(',') || undefined,
            states: options.state.join(',') || undefined,
            hops: options.hops,
            from: options.from,
            to: options.to,
            themes: options.theme.join(',') || undefined,
            modes: options.mode.join(',') || undefined,
            minCalls: options.minCalls,
            query: options.query,
          });
          if (options.out) {
            const written = await writeExportFile(format, graph, options.out);
            process.stderr.write(
              `exported ${graph.nodes.length} nodes and ${graph.edges.length} relationships to ${written.join(', ')}\n`,
            );
          } else {
            await writeExport(format, graph, process.stdout);
          }
        } finally {
          await source.close();
        }
      },
    );
}
