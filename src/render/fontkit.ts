import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';

/**
 * fontkit as pdfkit loads it: its CommonJS build. An `import` would load its
 * ES build, a second copy of the library in memory (some 9 MB).
 */
export const fontkit = createRequire(import.meta.url)('fontkit') as typeof Fontkit;
