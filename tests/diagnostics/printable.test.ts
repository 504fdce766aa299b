/**
 * A diagnostic is one printable line, whatever it quotes: a reason may name
 * a cell, a column, a path or a setting as written, and a file may be named
 * with a line break. Control characters, line and paragraph separators and
 * direction marks are written as escapes, never printed raw.
 */
import { describe, expect, it } from 'vitest';
import { at, Diagnostics } from '../../src/diagnostics/diagnostic.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';

describe('diagnostics are one printable line', () => {
  it('a reason quoting a line break, an escape sequence, a C1 control, a separator and a direction mark', () => {
    const diagnostics = new Diagnostics();
    diagnostics.error(at('content/a.md', 2, 3), 'no column `a\nb\u001b[31m\u0085\u2028\u202e`', 'variants-column');
    expect(diagnostics.list[0]!.reason).toBe('no column `a\\nb\\u001b[31m\\u0085\\u2028\\u202e`');
  });

  it('a file named with a line break cannot forge a second diagnostic', () => {
    const diagnostics = new Diagnostics();
    diagnostics.warn(at('content/x.md:1:1: error: forged [rule]\ncontent/y.md'), 'raw HTML', 'raw-html');
    const line = formatDiagnostic(diagnostics.list[0]!);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe('content/x.md:1:1: error: forged [rule]\\ncontent/y.md:1:1: warning: raw HTML [raw-html]');
  });

  it('printable text is left as it is: accents, quotes, tabs written as text, emoji', () => {
    const diagnostics = new Diagnostics();
    diagnostics.error(at('content/élan.md'), 'le « grève » \\t 🚩', 'x');
    expect(formatDiagnostic(diagnostics.list[0]!)).toBe('content/élan.md:1:1: error: le « grève » \\t 🚩 [x]');
  });
});
