// GFM table layout for the direct Markdown writer (markdown-writer.ts): markdown-table 3's
// layout with the options mdast-util-gfm-table 2 passes it (aligned delimiters, padding, rows
// not filled), so tables come out byte for byte as the library writes them. The cells arrive
// already serialised. tests/markdown-writer.test.ts compares with the library.

export type Align = 'left' | 'right' | 'center' | null | undefined;

const LEFT = 108;
const RIGHT = 114;
const CENTER = 99;

function toAlignment(value: Align): number {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0;
  if (code === 67 || code === 99) return CENTER;
  if (code === 76 || code === 108) return LEFT;
  if (code === 82 || code === 114) return RIGHT;
  return 0;
}

/** `matrix`: the rows' serialised cells, the header first. */
export function layoutTable(matrix: string[][], align: Align[] | null | undefined): string {
  // As mdast-util-gfm-table's handler: the header gets empty cells up to the number of columns.
  const head = matrix[0];
  if (head) {
    let columns = align ? align.length : 0;
    if (!columns) for (const row of matrix) if (row.length > columns) columns = row.length;
    while (head.length < columns) head.push('');
  }
  const longest: number[] = [];
  const sizes: number[][] = [];
  let mostCells = 0;
  for (const row of matrix) {
    if (row.length > mostCells) mostCells = row.length;
    const rowSizes: number[] = [];
    row.forEach((cell, column) => {
      rowSizes[column] = cell.length;
      if (longest[column] === undefined || cell.length > longest[column]!) longest[column] = cell.length;
    });
    sizes.push(rowSizes);
  }
  const alignments: number[] = [];
  for (let column = 0; column < mostCells; column++) alignments[column] = toAlignment(align?.[column]);

  // The delimiter row.
  const delimiters: string[] = [];
  const delimiterSizes: number[] = [];
  for (let column = 0; column < mostCells; column++) {
    const code = alignments[column];
    const before = code === CENTER || code === LEFT ? ':' : '';
    const after = code === CENTER || code === RIGHT ? ':' : '';
    let size = Math.max(1, longest[column]! - before.length - after.length);
    delimiters[column] = before + '-'.repeat(size) + after;
    size = before.length + size + after.length;
    if (size > longest[column]!) longest[column] = size;
    delimiterSizes[column] = size;
  }
  const cells = [...matrix];
  cells.splice(1, 0, delimiters);
  sizes.splice(1, 0, delimiterSizes);

  const lines: string[] = [];
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]!;
    const rowSizes = sizes[r]!;
    const inRow = Math.max(1, cells[r === 1 ? 0 : r]!.length);
    let line = '';
    for (let column = 0; column < inRow; column++) {
      const cell = row[column] || '';
      const size = longest[column]! - (rowSizes[column] || 0);
      const code = alignments[column];
      let before = '';
      let after = '';
      if (code === RIGHT) before = ' '.repeat(size);
      else if (code === CENTER) {
        const half = size / 2;
        before = ' '.repeat(size % 2 ? half + 0.5 : half);
        after = ' '.repeat(size % 2 ? half - 0.5 : half);
      } else after = ' '.repeat(size);
      if (!column) line += '|';
      line += ' ' + before + cell + after + ' |';
    }
    lines.push(line);
  }
  return lines.join('\n');
}
