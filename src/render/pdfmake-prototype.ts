import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The prototype of one of pdfmake 0.3's internal classes (CommonJS, behind
 * `exports.default`), for a fix that wraps some of its methods. pdfmake
 * ships no types and its internals may change in any release, so the
 * version and the methods are checked first, and the error names the fix
 * to revise.
 */
export function pdfmakePrototype<T>(className: string, methods: readonly string[], fix: string): T {
  const version = (require('pdfmake/package.json') as { version?: unknown }).version;
  const exported = require(`pdfmake/js/${className}.js`) as { default?: { prototype?: Record<string, unknown> } } | null;
  const prototype = exported?.default?.prototype;
  const missing = prototype ? methods.filter((method) => typeof prototype[method] !== 'function') : [...methods];
  if (typeof version !== 'string' || !/^0\.3\./.test(version) || !prototype || missing.length > 0) {
    const what = missing.length > 0 ? `${missing.map((method) => `${className}.${method}`).join(', ')} no longer exist` : `${fix} wraps methods of pdfmake 0.3.x`;
    throw new Error(`pdfmake ${String(version)} is installed: ${what}; ${fix} must be revised for this version`);
  }
  return prototype as T;
}
