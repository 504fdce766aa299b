import type { Nodes, TableCell } from 'mdast';
import type { PdfContent, PdfNode } from '../pdf-content.ts';
import type { State } from '../state.ts';

export function table(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'table') return undefined;
  const columns = Math.max(1, ...node.children.map((row) => row.children.length));
  const align = node.align ?? [];
  const body = node.children.map((row, rowIndex) => {
    const cells: PdfNode[] = row.children.map((cell, column) => tableCellNode(state, cell, rowIndex === 0, align[column] ?? null));
    // pdfmake requires every row to have the same number of cells.
    while (cells.length < columns) cells.push({ text: '' });
    return cells;
  });
  return state.patch(node, {
    table: { headerRows: 1, widths: Array.from({ length: columns }, () => '*'), body },
    layout: 'table',
    style: 'tableFrame',
  });
}

export function tableCell(state: State, node: Nodes): PdfContent | undefined {
  if (node.type !== 'tableCell') return undefined;
  return tableCellNode(state, node, false, null);
}

function tableCellNode(state: State, cell: TableCell, header: boolean, align: 'left' | 'right' | 'center' | null): PdfNode {
  const out: PdfNode = { text: state.inlines(cell), style: header ? 'tableHeader' : 'tableCell' };
  if (align) out.alignment = align;
  return state.patch(cell, out);
}
