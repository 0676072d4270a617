/** Writes docs/cli.md from the command definitions. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { renderCliReference } from './docs.ts';
import { REPO_ROOT } from './paths.ts';
import { createProgram } from './program.ts';

await writeFile(resolve(REPO_ROOT, 'docs/cli.md'), renderCliReference(createProgram()));
process.stdout.write('wrote docs/cli.md\n');
