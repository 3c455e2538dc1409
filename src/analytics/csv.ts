import { stringify } from 'csv-stringify/sync';

/**
 * Rows as CSV for spreadsheet programs. A cell that starts like a formula (=, +, -, @, tab) gets a
 * leading apostrophe so Excel shows it as text instead of running it (OWASP "CSV injection"):
 * exported messages were typed by the public.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  const safe = (cell: string | number | boolean | null) => {
    if (cell === null) return '';
    const text = String(cell);
    return typeof cell === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  };
  return stringify([header.map(safe), ...rows.map((row) => row.map(safe))]);
}
