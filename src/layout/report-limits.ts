import { at, type Diagnostics } from '../diagnostics/diagnostic.ts';
import type { ParsedDocument } from './layout-publication.ts';

/**
 * Reports what the parser cut from each document for going past a limit
 * (src/parse/limits.ts); whether there was any. Before the text is set: a
 * publication that cannot be built is not typeset and converted first (ten
 * thousand footnotes took seconds to).
 */
export function reportLimits(documents: readonly ParsedDocument[], diagnostics: Diagnostics): boolean {
  let any = false;
  for (const { document, tree } of documents) {
    for (const problem of tree.data?.overLimits ?? []) {
      const start = problem.position?.start;
      diagnostics.error(at(document.path, start?.line ?? 1, start?.column ?? 1), problem.reason, problem.rule);
      any = true;
    }
  }
  return any;
}
