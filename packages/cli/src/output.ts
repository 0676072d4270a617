/** Terminal output: one-line errors, a progress line on stderr, plain tables. */
import { isHotlineError } from '@hotline/model';

export function errorLine(error: unknown): string {
  if (isHotlineError(error)) return error.message;
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error);
  return String(error);
}

export function reportFailure(source: string, error: unknown, verbose: boolean): void {
  process.stderr.write(`hotline: ${source}: ${errorLine(error)}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
}

/** A progress line that rewrites itself on a terminal and prints sparsely elsewhere. */
export function createProgress(label: string): {
  update(done: number, total: number | null): void;
  done(): void;
} {
  const tty = process.stderr.isTTY === true;
  const started = Date.now();
  let lastPrinted = started;
  return {
    update(done, total) {
      const now = Date.now();
      if (!tty && now - lastPrinted < 5_000) return;
      lastPrinted = now;
      const rate = done / Math.max(0.001, (now - started) / 1000);
      const pct = total ? ` ${Math.floor((100 * done) / total)}%` : '';
      const line = `${label}: ${done}${total ? `/${total}` : ''}${pct} (${rate.toFixed(0)}/s)`;
      process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}

export function formatTable(columns: string[], rows: string[][]): string {
  const widths = columns.map((c, i) =>
    Math.min(60, Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length))),
  );
  const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => cut(c, widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
