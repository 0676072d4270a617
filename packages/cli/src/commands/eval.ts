/**
 * `hotline eval DIR [--json]`: extracts every readout of DIR and compares the result with
 * the *.gold.json annotations there. The text report ends with a four-line summary (calls,
 * dates, themes, negatives); --json prints the full machine-readable report.
 */
import {
  evaluate,
  extractReadout,
  formatEvalReport,
  loadKnowledge,
  readGold,
  readInputs,
} from '@hotline/ingest';
import type { Extraction } from '@hotline/model';
import { Command } from 'commander';

interface EvalCommandOptions {
  json?: boolean;
  dataDir?: string;
  overlay?: string;
}

export function evalCommand(): Command {
  return new Command('eval')
    .description('measure extraction against the gold annotations (*.gold.json) of a folder')
    .argument('<dir>', 'folder of readouts with NAME.gold.json annotations')
    .option('--json', 'print the machine-readable report')
    .option('--data-dir <dir>', 'data folder with themes.json and gazetteer/ (default: the repository data/)')
    .option('--overlay <file>', 'user gazetteer overlay (default: $HOTLINE_GAZETTEER_OVERLAY)')
    .action(async (dir: string, opts: EvalCommandOptions) => {
      const knowledge = await loadKnowledge({ dataDir: opts.dataDir, overlayPath: opts.overlay });
      const golds = await readGold(dir);
      const extractions: Extraction[] = [];
      const started = performance.now();
      let failed = 0;
      for await (const item of readInputs([dir])) {
        if ('error' in item) {
          failed++;
          process.stderr.write(`hotline: ${item.source}: ${item.error.message}\n`);
          continue;
        }
        extractions.push(extractReadout(item, knowledge));
      }
      const elapsedMs = Math.round(performance.now() - started);
      const report = evaluate(extractions, golds, knowledge);
      if (opts.json) process.stdout.write(`${JSON.stringify({ ...report, elapsedMs }, null, 2)}\n`);
      else
        process.stdout.write(
          `extracted ${extractions.length} documents in ${elapsedMs} ms\n${formatEvalReport(report)}\n`,
        );
      if (failed > 0) process.exitCode = 1;
    });
}
