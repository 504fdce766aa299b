/**
 * What every build must do, whatever it is given: resolve, within its time,
 * with well-formed diagnostics, `ok` exactly when there is no error, and whole
 * PDFs when it is ok. Each problem names its flaw (what a known bug is matched
 * by) and says it in a sentence for the failure report.
 */
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import type { BuildReport } from './build-protocol.ts';
import type { FuzzCase } from './fuzz-case.ts';
import type { IsolatedOutcome } from './isolated-builder.ts';

/** Words a reason may contain only when quoting an input that contains them: otherwise a value was printed blindly. */
const LEAKED_VALUES = ['undefined', '[object Object]', 'NaN', 'null'];
/** A line of a JavaScript stack trace: `at fn (file.ts:1:2)`, `at file:///x.js:3:4`. */
const STACK_FRAME = /\bat (?:.+ \()?(?:file:\/\/|node:|\/|[A-Za-z]:\\)[^)\s]*:\d+:\d+\)?/;
const RULE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/**
 * Rules build() gives an exception it caught from a stage: rendering, the print
 * files, writing. No Markdown should make those stages throw; such a
 * diagnostic is a crash, caught.
 */
const CAUGHT_CRASH_RULES = new Set(['render', 'print-booklet', 'print-sheets', 'print-shop', 'write-output']);
/**
 * The shipped layouts put the Markdown in the page flow, where every footnote
 * reference is followed: a note left unplaced means the renderer lost the line
 * that held its reference (and whatever was with it).
 */
const LOST_CONTENT_RULES = new Set(['footnote-unplaced']);
/** Characters that, printed raw in a terminal or a CI log, end the line, move the cursor or start an escape sequence. */
const UNPRINTABLE = /[\0-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/;

export type Flaw =
  | 'hung'
  | 'crashed'
  | 'stray-error'
  | 'too-slow'
  | 'rejected'
  | 'file-outside-project'
  | 'no-line'
  | 'past-end'
  | 'no-column'
  | 'unknown-severity'
  | 'no-rule'
  | 'caught-crash'
  | 'lost-content'
  | 'no-reason'
  | 'stack-trace'
  | 'unprintable-reason'
  | 'leaked-value'
  | 'ok-mismatch'
  | 'output-missing'
  | 'output-not-pdf';

export interface Problem {
  flaw: Flaw;
  /** The diagnostic's rule and reason, when the problem is with a diagnostic. */
  rule?: string;
  reason?: string;
  message: string;
}

export function problemsOf(outcome: IsolatedOutcome, fuzzCase: FuzzCase, limitMs: number): Problem[] {
  if (outcome.kind === 'hung') return [{ flaw: 'hung', message: `no result within ${outcome.waitedMs} ms: the build hung or is far too slow` }];
  if (outcome.kind === 'crashed') return [{ flaw: 'crashed', message: `the build's thread died: ${outcome.error}` }];
  return reportProblems(outcome.report, fuzzCase, limitMs);
}

function reportProblems(report: BuildReport, fuzzCase: FuzzCase, limitMs: number): Problem[] {
  const problems: Problem[] = report.strays.map((stray) => ({ flaw: 'stray-error', message: `an error escaped the build: ${stray}` }));
  if (report.milliseconds > limitMs) problems.push({ flaw: 'too-slow', message: `the build took ${Math.round(report.milliseconds)} ms, over the ${limitMs} ms a case may take` });
  const outcome = report.outcome;
  if (outcome.kind === 'rejected') return [...problems, { flaw: 'rejected', message: `build() rejected: ${outcome.error}` }];

  const inputs = new Set(report.inputs);
  const texts = Object.values(fuzzCase.files).map((bytes) => new TextDecoder().decode(bytes));
  for (const diagnostic of outcome.diagnostics) {
    for (const [flaw, sentence] of diagnosticFlaws(diagnostic, inputs, texts, fuzzCase.files)) {
      problems.push({ flaw, rule: diagnostic.rule, reason: diagnostic.reason, message: `${sentence}: ${JSON.stringify(diagnostic)}` });
    }
  }
  const errors = outcome.diagnostics.filter((d) => d.severity === 'error');
  if (outcome.ok !== (errors.length === 0)) {
    problems.push({ flaw: 'ok-mismatch', message: `ok is ${outcome.ok} with ${errors.length} error(s): ${outcome.diagnostics.map(formatDiagnostic).join(' | ')}` });
  }
  if (outcome.ok) {
    for (const publication of outcome.publications) {
      for (const path of publication.files) {
        const file = outcome.outputs[path];
        if (!file?.exists) problems.push({ flaw: 'output-missing', message: `${publication.id}: ${path} is listed but was not written` });
        else if (!file.head.startsWith('%PDF-')) problems.push({ flaw: 'output-not-pdf', message: `${publication.id}: ${path} does not start with %PDF- (${JSON.stringify(file.head)})` });
        // The PDF specification allows an end-of-line marker after %%EOF.
        else if (!/%%EOF(?:\r\n|\r|\n)?$/.test(file.tail)) problems.push({ flaw: 'output-not-pdf', message: `${publication.id}: ${path} does not end with %%EOF (${JSON.stringify(file.tail)})` });
      }
    }
  }
  return problems;
}

function diagnosticFlaws(d: Diagnostic, inputs: ReadonlySet<string>, texts: readonly string[], files: FuzzCase['files']): Array<[Flaw, string]> {
  const flaws: Array<[Flaw, string]> = [];
  if (typeof d.file !== 'string' || !inputs.has(d.file)) flaws.push(['file-outside-project', 'a diagnostic names a file that is not in the project']);
  if (!Number.isInteger(d.line) || d.line < 1) flaws.push(['no-line', 'a diagnostic has no line ≥ 1']);
  else if (typeof d.file === 'string' && files[d.file] && d.line > lineCount(files[d.file]!)) flaws.push(['past-end', 'a diagnostic points past the end of its file']);
  if (!Number.isInteger(d.column) || d.column < 1) flaws.push(['no-column', 'a diagnostic has no column ≥ 1']);
  if (d.severity !== 'error' && d.severity !== 'warning') flaws.push(['unknown-severity', 'a diagnostic has an unknown severity']);
  if (typeof d.rule !== 'string' || !RULE.test(d.rule)) flaws.push(['no-rule', 'a diagnostic has no rule (a non-empty kebab-case name)']);
  if (CAUGHT_CRASH_RULES.has(d.rule)) flaws.push(['caught-crash', 'a stage threw, and build() reported its exception as a diagnostic']);
  if (LOST_CONTENT_RULES.has(d.rule)) flaws.push(['lost-content', 'the renderer lost the line of a footnote reference (the shipped layouts follow every one)']);
  if (typeof d.reason !== 'string' || d.reason.trim() === '') flaws.push(['no-reason', 'a diagnostic has no reason']);
  else {
    if (STACK_FRAME.test(d.reason)) flaws.push(['stack-trace', 'a diagnostic reason carries a stack trace']);
    if (UNPRINTABLE.test(d.reason)) flaws.push(['unprintable-reason', 'a diagnostic reason holds a line break or a control character (the format is one printable line per problem)']);
    for (const word of LEAKED_VALUES) {
      if (new RegExp(`(?<![\\w])${word.replace(/[[\]]/g, '\\$&')}(?![\\w])`).test(d.reason) && !texts.some((text) => text.includes(word))) {
        flaws.push(['leaked-value', `a diagnostic reason says "${word}"`]);
      }
    }
  }
  return flaws;
}

/** Lines as Roneo counts them (LF, CRLF or a lone CR ends one); a file ending with a line break has an empty line after it. */
function lineCount(bytes: Uint8Array): number {
  return Buffer.from(bytes).toString('latin1').split(/\r\n|\r|\n/).length;
}
