import type { Handler } from '../state.ts';
import { blockquote } from './blockquote.ts';
import { hardBreak } from './break.ts';
import { code } from './code.ts';
import { strikethrough } from './delete.ts';
import { containerDirective, otherDirective } from './directives.ts';
import { emphasis } from './emphasis.ts';
import { footnoteDefinition, footnoteReference } from './footnote.ts';
import { heading } from './heading.ts';
import { html } from './html.ts';
import { image, imageReference } from './image.ts';
import { inlineCode } from './inline-code.ts';
import { link, linkReference } from './link.ts';
import { list, listItem } from './list.ts';
import { overLimit } from './over-limit.ts';
import { paragraph } from './paragraph.ts';
import { root } from './root.ts';
import { strong } from './strong.ts';
import { table, tableCell } from './table.ts';
import { text } from './text.ts';
import { thematicBreak } from './thematic-break.ts';
import { unprinted } from './unprinted.ts';

/** One handler per mdast node type; anything missing here goes to `unknown`. */
export const handlers: Readonly<Record<string, Handler>> = {
  blockquote,
  break: hardBreak,
  code,
  containerDirective,
  definition: unprinted,
  delete: strikethrough,
  emphasis,
  footnoteDefinition,
  footnoteReference,
  heading,
  html,
  image,
  imageReference,
  inlineCode,
  leafDirective: otherDirective,
  link,
  linkReference,
  list,
  listItem,
  overLimit,
  paragraph,
  root,
  strong,
  table,
  tableCell,
  text,
  textDirective: otherDirective,
  thematicBreak,
  yaml: unprinted,
};
