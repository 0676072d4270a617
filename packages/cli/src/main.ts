#!/usr/bin/env node
/**
 * The hotline command. Errors from any command are caught here once, printed as one line (the
 * stack only with --verbose), and set the exit status: 2 for invalid arguments, else 1.
 */
import { isHotlineError } from '@hotline/model';
import { CommanderError } from 'commander';
import { errorLine } from './output.ts';
import { createProgram } from './program.ts';

async function main(argv: string[]): Promise<void> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`hotline: ${errorLine(error)}\n`);
    if (argv.includes('--verbose') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = isHotlineError(error) && error.code === 'INVALID_ARGUMENT' ? 2 : 1;
  }
}

await main(process.argv);
