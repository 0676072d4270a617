/**
 * `hotline start` (`pnpm start`): the main job in one command. Ensures a Neo4j (the
 * configured NEO4J_URI, else the project's own local server, else Docker), ingests the
 * bundled samples, and serves the explorer. Without Java, Docker or NEO4J_URI it falls back
 * to embedded mode and says so in one line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isRemoteServer, loadExtractions } from '@hotline/neo4j';
import { Command } from 'commander';
import { connectNeo4j, type ExtractStats, extractAll, graphContext, knowledgeFor } from '../context.ts';
import { errorLine } from '../output.ts';
import { DEFAULT_GRAPH_FILE, NEO4J_SCRIPT, REPO_ROOT, SAMPLES_DIR, WEB_DIST } from '../paths.ts';
import { buildGraphFile } from './build.ts';
import { parsePort, serve } from './serve.ts';

function has(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** Starts a Neo4j if none is configured; returns false when none could be had. */
function ensureNeo4j(): boolean {
  if (isRemoteServer()) return true;
  if (has('java', ['-version']) && has('mvn', ['-v'])) {
    return spawnSync('bash', [NEO4J_SCRIPT, 'start'], { stdio: 'inherit' }).status === 0;
  }
  if (has('docker', ['info'])) {
    return (
      spawnSync('docker', ['compose', 'up', '-d', '--wait'], { stdio: 'inherit', cwd: REPO_ROOT }).status ===
      0
    );
  }
  return false;
}

export function startCommand(): Command {
  return new Command('start')
    .description('start Neo4j, ingest the bundled samples and open the explorer')
    .option('--port <port>', 'explorer port', '5174')
    .option('--samples <dir>', 'readouts to ingest', SAMPLES_DIR)
    .option('--embedded', 'skip Neo4j and serve a graph file')
    .action(async (options: { port: string; samples: string; embedded?: boolean }) => {
      const port = parsePort(options.port);
      if (!existsSync(resolve(WEB_DIST, 'index.html'))) {
        process.stdout.write('building the explorer (first run only)\n');
        const built = spawnSync('pnpm', ['--filter', '@hotline/web', 'build'], {
          stdio: 'inherit',
          cwd: REPO_ROOT,
        });
        if (built.status !== 0)
          process.stderr.write('hotline: the explorer did not build; the API still runs\n');
      }
      let reason: string | null = options.embedded ? '--embedded was given' : null;
      if (!reason && !ensureNeo4j()) reason = 'no Java, Docker or NEO4J_URI';
      if (!reason) {
        try {
          const knowledge = await knowledgeFor({});
          const client = await connectNeo4j();
          const stats: ExtractStats = { failed: 0, documents: 0 };
          const summary = await loadExtractions(
            client,
            extractAll([options.samples], knowledge, stats),
            graphContext(knowledge),
          );
          await client.close();
          process.stdout.write(
            `ingested ${stats.documents} sample readouts into ${client.config.uri}: ${summary.readouts.new} new, ${summary.readouts.unchanged} unchanged, ${summary.readouts.updated} updated\n`,
          );
        } catch (error) {
          reason = errorLine(error);
        }
      }
      if (reason) {
        process.stdout.write(
          `hotline: embedded mode (${reason}): the graph lives in .hotline/graph.json; everything but the Cypher console works, and the console explains how to connect Neo4j\n`,
        );
        await buildGraphFile([options.samples], DEFAULT_GRAPH_FILE);
      }
      const server = await serve({
        host: '127.0.0.1',
        port,
        embedded: reason !== null,
        graphFile: DEFAULT_GRAPH_FILE,
        quiet: true,
      });
      const tail = reason ? '' : '; Neo4j keeps running: pnpm neo4j stop';
      process.stdout.write(`hotline explorer: ${server.url}  (Ctrl-C to stop${tail})\n`);
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
