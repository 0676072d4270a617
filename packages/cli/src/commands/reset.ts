/** `hotline reset --yes`: remove hotline's nodes and relationships from the configured database. */
import { HotlineError } from '@hotline/model';
import { resetGraph } from '@hotline/neo4j';
import { Command } from 'commander';
import { connectNeo4j } from '../context.ts';

export function resetCommand(): Command {
  return new Command('reset')
    .description("delete hotline's data (Leader, State, Organization, Topic, Call, Readout) from Neo4j")
    .option('--yes', 'confirm the deletion')
    .action(async (options: { yes?: boolean }) => {
      if (!options.yes) {
        throw new HotlineError(
          'INVALID_ARGUMENT',
          "reset deletes every hotline node in the database: run 'hotline reset --yes' to confirm",
        );
      }
      const client = await connectNeo4j();
      try {
        const deleted = await resetGraph(client);
        process.stdout.write(`deleted ${deleted} nodes from ${client.config.uri}\n`);
      } finally {
        await client.close();
      }
    });
}
