/**
 * docs/cli.md is generated from the commands' own definitions, so `--help` and the reference
 * never disagree. `pnpm docs:cli` rewrites it; a test fails when it is out of date.
 */
import type { Command } from 'commander';

export function renderCliReference(program: Command): string {
  const parts = [
    '# CLI reference',
    '',
    '<!-- Generated from the command definitions by `pnpm docs:cli`; do not edit by hand. -->',
    '',
    'Run any command as `pnpm hotline <command>` from the repository (right after `pnpm install`).',
    'Errors print one line `hotline: …` on stderr (add `--verbose` for a stack trace). Exit status:',
    '0 success, 1 failure (including any input that could not be read), 2 invalid arguments.',
    '',
  ];
  for (const command of program.commands) {
    parts.push(`## hotline ${command.name()}`, '', command.description(), '', '```text');
    parts.push(
      command
        .helpInformation()
        .trimEnd()
        .replace(/^Usage: hotline /, 'Usage: hotline '),
    );
    parts.push('```', '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}
