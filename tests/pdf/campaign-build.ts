import { join } from 'node:path';
import { build, type BuildResult } from '../../src/build.ts';
import { createNodeWorld } from '../../src/world/node-world.ts';
import { pdfLayout } from '../helpers/pdf-layout.ts';
import { tempProject } from '../helpers/project.ts';

export interface CampaignBuild {
  root: string;
  result: BuildResult;
  pdf(id: string): string;
  cleanup(): Promise<void>;
}

/** The real campaign, copied into a temporary project and built there. */
export async function buildCampaign(env: Record<string, string> = {}): Promise<CampaignBuild> {
  const project = await tempProject({ content: true });
  const result = await build({ world: createNodeWorld(project.root, env) });
  return {
    root: project.root,
    result,
    pdf: (id) => join(project.root, 'output', `${id}.pdf`),
    cleanup: project.cleanup,
  };
}

/**
 * The text of a PDF as one flow, without its page furniture: running heads
 * and folios sit in the margins, between the last line of one page and the
 * first of the next in reading order.
 */
export async function bodyText(file: string, headerZone = 0): Promise<string> {
  const pages = await pdfLayout(file);
  const folio = /^\d+( \/ \d+)?$/;
  return pages
    .map((page) =>
      page.blocks
        .flatMap((block) => block.lines)
        .filter((line) => line.yMax > headerZone && !folio.test(line.text))
        .map((line) => line.text)
        .join('\n'),
    )
    .join('\n');
}

/**
 * pdftotext breaks lines wherever the layout did, and hyphenation adds a
 * hyphen where a word was broken. Text and phrases are compared with white
 * space folded (narrow and no-break spaces included) and hyphens taken out
 * of both, so a word matches however it was broken.
 */
export function fold(text: string): string {
  return text
    .replace(/[-\u2010\u00AD]\s*\n\s*/g, '')
    .replace(/[-\u2010\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Asserts that each phrase occurs, in this order, and returns the first one missing or out of order. */
export function firstOutOfOrder(text: string, phrases: readonly string[]): string | undefined {
  let from = 0;
  for (const original of phrases) {
    const phrase = fold(original);
    const index = text.indexOf(phrase, from);
    if (index < 0) return original;
    from = index + phrase.length;
  }
  return undefined;
}
