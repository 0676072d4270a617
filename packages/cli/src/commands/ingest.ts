/** `hotline ingest PATH...`: extract readouts and load them into Neo4j, idempotently. */
import { HotlineError } from '@hotline/model';
import { DEFAULT_LOAD_OPTIONS, loadExtractions } from '@hotline/neo4j';
import { Command } from 'commander';
import { connectNeo4j, type ExtractStats, extractAll, graphContext, knowledgeFor } from '../context.ts';
import { createProgress } from '../output.ts';
import { SAMPLES_DIR } from '../paths.ts';

export function ingestCommand(): Command {
  return new Command('ingest')
    .description(
      'extract readouts (files, folders, - for stdin) and load them into Neo4j; loading again changes nothing',
    )
    .argument('[paths...]', 'readout files or folders', [SAMPLES_DIR])
    .option('--batch-size <n>', 'readouts per write transaction', String(DEFAULT_LOAD_OPTIONS.batchSize))
    .option('--overlay <file>', 'your own gazetteer entries (adds to or corrects data/gazetteer)')
    .option('--json', 'print the summary as one JSON object')
    .action(
      async (
        paths: string[],
        options: { batchSize: string; overlay?: string; json?: boolean },
        command: Command,
      ) => {
        const verbose = Boolean(command.optsWithGlobals().verbose);
        const batchSize = Number(options.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
          throw new HotlineError(
            'INVALID_ARGUMENT',
            `--batch-size must be a whole number from 1 to 10000, got ${options.batchSize}`,
          );
        }
        const knowledge = await knowledgeFor(options);
        const client = await connectNeo4j();
        const stats: ExtractStats = { failed: 0, documents: 0 };
        const progress = options.json ? { update() {}, done() {} } : createProgress('ingest');
        // Ctrl-C stops after the batch in flight: each batch is one transaction, so no readout is half-written.
        let interrupted = false;
        const onSigint = () => {
          if (interrupted) process.exit(130);
          interrupted = true;
          process.stderr.write('\nhotline: stopping after the current batch (Ctrl-C again to abort now)\n');
        };
        process.on('SIGINT', onSigint);
        const started = Date.now();
        try {
          const summary = await loadExtractions(
            client,
            extractAll(paths, knowledge, stats, verbose),
            graphContext(knowledge),
            {
              batchSize,
              onProgress: ({ done, total }) => progress.update(done, total),
              shouldStop: () => interrupted,
            },
          );
          progress.done();
          const result = {
            ...summary,
            documents: stats.documents,
            failed: stats.failed,
            seconds: Number(((Date.now() - started) / 1000).toFixed(2)),
            neo4j: client.config.uri,
          };
          if (options.json) {
            process.stdout.write(`${JSON.stringify(result)}\n`);
          } else {
            const r = summary.readouts;
            process.stdout.write(
              `ingested ${stats.documents} readouts into ${client.config.uri} in ${result.seconds}s: ` +
                `${r.new} new, ${r.unchanged} unchanged, ${r.updated} updated; ` +
                `${summary.calls.reported} calls reported (${summary.calls.created} new), ${summary.leaders.new} new leaders` +
                `${stats.failed ? `; ${stats.failed} inputs failed` : ''}` +
                // The loader reads one batch ahead: after Ctrl-C, fewer readouts are stored than were read.
                `${summary.stopped ? `; stopped early by Ctrl-C with ${r.new + r.unchanged + r.updated} of them stored (ingest again to finish)` : ''}\n`,
            );
          }
          if (stats.failed > 0 || summary.stopped) process.exitCode = 1;
        } finally {
          process.off('SIGINT', onSigint);
          await client.close();
        }
      },
    );
}
