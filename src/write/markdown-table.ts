// GFM table layout for the direct Markdown writer (markdown-writer.ts): the cells arrive
// already serialised, and markdown-table (the package mdast-util-gfm-table itself calls) lays
// them out with the options that handler passes it (aligned delimiters, padding, rows not
// filled), so tables come out byte for byte as the library writes them.
// tests/markdown-writer.test.ts compares with the library.
import { markdownTable } from 'markdown-table';

export type Align = 'left' | 'right' | 'center' | null | undefined;

/** `matrix`: the rows' serialised cells, the header first. */
export function layoutTable(matrix: string[][], align: Align[] | null | undefined): string {
  // As mdast-util-gfm-table's handler does first: the header gets empty cells up to the number
  // of columns (the alignments', or else the widest row's).
  const head = matrix[0];
  if (head) {
    let columns = align ? align.length : 0;
    if (!columns) for (const row of matrix) columns = Math.max(columns, row.length);
    while (head.length < columns) head.push('');
  }
  return markdownTable(matrix, { align, alignDelimiters: true, fillRows: false, padding: true });
}
