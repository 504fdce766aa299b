import { installFootnotes } from './footnotes/install.ts';
import { installImageAltText } from './image-alt-text.ts';
import { installInlineStyles } from './inline-styles.ts';
import { installKeeps } from './keeps/install.ts';
import { installLineLayout } from './line-layout/install.ts';
import { installNeedlessBreakFix } from './needless-breaks.ts';
import { installOverlongBlocks } from './overlong-blocks.ts';
import { installPageLines } from './page-lines.ts';
import { installRunningHeads } from './running-heads/install.ts';
import { installSharedFonts } from './shared-fonts.ts';
import { installShrinkToPage } from './shrink-to-page.ts';
import { installTextRuns } from './text-runs.ts';

let installed = false;

/**
 * pdfmake's own layout lacks what print needs (justification between words
 * only, visible hyphens, keeps, widows and orphans, footnotes, running heads,
 * no blank page before a chapter, a cover picture shrunk to its page,
 * pictures' alt text, nothing lost from a block that must not break but is
 * taller than a page). The
 * fixes replace the responsible methods of its classes once per process,
 * before any document is laid out; each is documented where it lives. Three
 * more only make pdfmake faster: styles resolved once per paragraph, each
 * run of words in one style drawn as one text object, and fonts parsed and
 * words shaped once per process.
 */
export function installEngineFixes(): void {
  if (installed) return;
  installInlineStyles();
  installLineLayout();
  installKeeps();
  // After the keeps: the footnotes wrap the layout methods the keeps replaced.
  installFootnotes();
  installRunningHeads();
  installNeedlessBreakFix();
  installOverlongBlocks();
  installShrinkToPage();
  installTextRuns();
  installPageLines();
  installSharedFonts();
  installImageAltText();
  installed = true;
}
