/** The one rule for "inside a date window", shared by the graph and the details panels. */
import type { DateWindow } from '@hotline/model';

/** Whether a call of this date lies in the window; an undated call lies only in an open one. */
export function inWindow(date: unknown, window: Partial<DateWindow>): boolean {
  if (!window.from && !window.to) return true;
  return (
    typeof date === 'string' && (!window.from || date >= window.from) && (!window.to || date <= window.to)
  );
}
