/** The command tree; main.ts runs it, docs.ts documents it. */
import { Command } from 'commander';
import { buildCommand } from './commands/build.ts';
import { evalCommand } from './commands/eval.ts';
import { exportCommand } from './commands/export.ts';
import { extractCommand } from './commands/extract.ts';
import { ingestCommand } from './commands/ingest.ts';
import { queryCommand } from './commands/query.ts';
import { resetCommand } from './commands/reset.ts';
import { serveCommand } from './commands/serve.ts';
import { startCommand } from './commands/start.ts';

export function createProgram(): Command {
  const program = new Command('hotline')
    .description("hotline: a knowledge graph of world leaders' conversations, from readouts to Neo4j")
    .option('--verbose', 'print stack traces with errors')
    .showHelpAfterError('(run with --help for usage)');
  for (const command of [
    extractCommand(),
    evalCommand(),
    ingestCommand(),
    buildCommand(),
    queryCommand(),
    exportCommand(),
    resetCommand(),
    serveCommand(),
    startCommand(),
  ]) {
    program.addCommand(command);
  }
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  return program;
}
