import type { Shape } from './layout-data-model.ts';

type Program = hbs.AST.Program;
type Statement = hbs.AST.Statement;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;
type Hash = hbs.AST.Hash;

export interface TemplateText {
  path: string;
  text: string;
}

export interface FieldProblem {
  file: string;
  line: number;
  column: number;
  reason: string;
  rule: 'template-field' | 'template-partial';
}

export interface FieldCheck {
  layout: TemplateText;
  /** The folder's partials, by name. */
  partials: ReadonlyMap<string, TemplateText>;
  /** The helpers a layout may call: a name that is one is never a field. */
  helpers: ReadonlySet<string>;
  /** The data the layout is filled with. */
  data: Shape;
  /** Handlebars' own parser; a text it cannot parse is left to the syntax check. */
  parse: (text: string) => Program;
}

const OPEN: Shape = { kind: 'open' };
const NUMBER: Shape = { kind: 'text', what: 'a number' };

interface InlinePartial {
  program: Program;
  file: string;
}

/**
 * Partials read for one layout, at most: each is read once for each place it is used, in the context of that
 * place, and partials that use each other twice over would otherwise be read an exponential number of times.
 */
const MAX_PARTIAL_READS = 10_000;

/** A context a part of a template reads from: the data, an `{{#each}}` item, a `{{#with}}` value, a partial's argument. */
interface Frame {
  id: number;
  shape: Shape;
  /** The context `../` reads. */
  parent: Frame | undefined;
}

interface Scope {
  frame: Frame;
  /** `as |item index|` names in reach. */
  params: ReadonlyMap<string, Shape>;
  /** Fields tested by an enclosing `{{#if}}`, `{{#unless}}`, `{{#each}}` or `{{#with}}`, as `<frame id>:<name>`. */
  guards: ReadonlySet<string>;
  file: string;
  /** Inline partials (`{{#*inline "name"}}`) in reach: those of the layout, and of the partials on the way. */
  inline: ReadonlyMap<string, InlinePartial>;
  /** Partials being read, outermost first: a partial that includes itself is read once. */
  partials: readonly string[];
}

/**
 * Reads a layout and the partials it uses as Handlebars parses them, and
 * finds every `{{…}}` that names a field its data does not have
 * (`template-field`), and every `{{> name}}` of a partial that does not
 * exist (`template-partial`), even in a branch no publication takes. What
 * Handlebars gives besides the data is not a field: helpers' names, `this`,
 * `@root`, `@index` and the other `@` variables, `as |block params|`, a
 * partial's parameters. A front-matter field of the layout's own, which
 * some publications lack, is read inside a test of it (`{{#if publisher}}`).
 */
export function templateFieldProblems(check: FieldCheck): FieldProblem[] {
  return new FieldWalk(check).run();
}

class FieldWalk {
  private readonly problems = new Map<string, FieldProblem>();
  private readonly parsed = new Map<string, Program | undefined>();
  private frames = 0;
  private partialReads = 0;
  private readonly root: Frame;

  constructor(private readonly check: FieldCheck) {
    this.root = { id: 0, shape: check.data, parent: undefined };
  }

  run(): FieldProblem[] {
    const program = this.parse(this.check.layout.text);
    const file = this.check.layout.path;
    if (program) this.program(program, { frame: this.root, params: new Map(), guards: new Set(), file, inline: inlinePartials(program, file, new Map()), partials: [] });
    return [...this.problems.values()];
  }

  private parse(text: string): Program | undefined {
    if (!this.parsed.has(text)) {
      let program: Program | undefined;
      try {
        program = this.check.parse(text);
      } catch {
        program = undefined;
      }
      this.parsed.set(text, program);
    }
    return this.parsed.get(text);
  }

  private program(program: Program | undefined, scope: Scope): void {
    for (const statement of program?.body ?? []) this.statement(statement, scope);
  }

  private statement(statement: Statement, scope: Scope): void {
    switch (statement.type) {
      case 'MustacheStatement': {
        const mustache = statement as hbs.AST.MustacheStatement;
        this.call(mustache.path, mustache.params, mustache.hash, scope);
        return;
      }
      case 'BlockStatement':
        this.block(statement as hbs.AST.BlockStatement, scope);
        return;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        this.partial(statement as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scope);
        return;
      default:
        // Text, comments, and decorators (inline partials are read where they are used).
        return;
    }
  }

  /** `{{name params…}}` or `(name params…)`: a helper's call, or a field printed. */
  private call(path: PathExpression | Expression, params: Expression[], hash: Hash | undefined, scope: Scope): void {
    if (path.type === 'PathExpression' && !this.isHelper(path as PathExpression) && params.length === 0 && !hash) {
      this.reference(path as PathExpression, scope);
      return;
    }
    // A name that is no helper, called with arguments, fails when the layout is filled, with its own message.
    this.arguments(params, hash, scope);
  }

  private arguments(params: Expression[], hash: Hash | undefined, scope: Scope): void {
    for (const param of params) this.expression(param, scope);
    for (const pair of hash?.pairs ?? []) this.expression(pair.value, scope);
  }

  private expression(expression: Expression, scope: Scope, tested = false): Shape {
    if (expression.type === 'PathExpression') return this.reference(expression as PathExpression, scope, tested);
    if (expression.type === 'SubExpression') {
      const sub = expression as hbs.AST.SubExpression;
      this.call(sub.path, sub.params, sub.hash, scope);
    }
    return OPEN;
  }

  private block(block: hbs.AST.BlockStatement, scope: Scope): void {
    const name = simpleName(block.path);
    const [subject, ...rest] = block.params;
    if (name === 'if' || name === 'unless') {
      if (subject) this.expression(subject, scope, true);
      this.arguments(rest, block.hash, scope);
      const guarded = { ...scope, guards: this.guarded(subject, scope) };
      this.program(block.program, guarded);
      this.program(block.inverse, guarded);
      return;
    }
    if (name === 'each' || name === 'with' || (name !== undefined && !this.isHelper(block.path) && block.params.length === 0)) {
      // `{{#each x}}`, `{{#with x}}`, and `{{#x}}…{{/x}}` on a field, which Handlebars reads as either.
      const value = subject ? this.expression(subject, scope, true) : this.reference(block.path, scope);
      this.arguments(rest, block.hash, scope);
      // An item of a list; `{{#each}}` over anything else gives its values, of no known kind.
      const inner = value.kind === 'list' ? value.item : name === 'each' ? OPEN : value;
      const frame: Frame = { id: ++this.frames, shape: inner, parent: scope.frame };
      const params = new Map(scope.params);
      const [item, index] = block.program?.blockParams ?? [];
      if (item !== undefined) params.set(item, inner);
      if (index !== undefined) params.set(index, NUMBER);
      this.program(block.program, { ...scope, frame, params, guards: this.guarded(subject ?? block.path, scope) });
      this.program(block.inverse, scope);
      return;
    }
    this.arguments(block.params, block.hash, scope);
    this.program(block.program, scope);
    this.program(block.inverse, scope);
  }

  private partial(partial: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scope: Scope): void {
    const fallback = partial.type === 'PartialBlockStatement' ? (partial as hbs.AST.PartialBlockStatement).program : undefined;
    if (partial.name.type === 'SubExpression') {
      // A partial chosen when the layout is filled: its name is checked then.
      this.expression(partial.name, scope);
      this.arguments(partial.params, partial.hash, scope);
      this.program(fallback, scope);
      return;
    }
    const path = partial.name as PathExpression;
    const name = path.original;
    const context = partial.params[0] ? this.expression(partial.params[0], scope) : scope.frame.shape;
    this.arguments(partial.params.slice(1), partial.hash, scope);
    this.program(fallback, scope);
    if (path.data) return;
    const inline = scope.inline.get(name);
    const shared = this.check.partials.get(name);
    if (!inline && !shared) {
      // `{{#> name}}fallback{{/name}}` prints its fallback when there is no such partial.
      if (!fallback) this.partialMissing(path, scope);
      return;
    }
    if (scope.partials.includes(name) || ++this.partialReads > MAX_PARTIAL_READS) return;
    const frame: Frame = { id: partial.params[0] ? ++this.frames : scope.frame.id, shape: withHash(context, partial.hash), parent: partial.params[0] ? scope.frame : scope.frame.parent };
    const program = inline?.program ?? this.parse(shared!.text);
    if (!program) return;
    const file = inline?.file ?? shared!.path;
    this.program(program, { ...scope, frame, file, inline: inline ? scope.inline : inlinePartials(program, file, scope.inline), partials: [...scope.partials, name] });
  }

  /** What a path names, and a problem where the data has no such field; `tested`: the subject of a test, which may be absent. */
  private reference(path: PathExpression, scope: Scope, tested = false): Shape {
    const place = this.placeOf(path, scope);
    if (!place) return OPEN;
    if ('param' in place) return this.follow(path, path.parts.slice(1), place.param, scope);
    const { frame, parts } = place;
    const [first] = parts;
    const shape = frame.shape;
    if (first === undefined || shape.kind !== 'record' || shape.fields.has(first) || isPrototypeName(first)) return this.follow(path, parts, shape, scope);
    // A field of the layout's own: allowed as a test's subject, and inside the test.
    if (shape.frontMatter && (tested || scope.guards.has(`${frame.id}:${first}`))) return OPEN;
    const advice = shape.frontMatter ? `; a front-matter field of the layout's own, which some publications lack, is read inside {{#if ${first}}}…{{/if}}` : `; it has ${fieldList(shape)}`;
    this.problem(path, scope, `no field \`${first}\` in ${shape.what}${suggestion(first, shape)}${advice}`, 'template-field');
    return OPEN;
  }

  /** The context a path reads from and its parts there, or the block parameter it starts with; none for Handlebars' own `@` variables. */
  private placeOf(path: PathExpression, scope: Scope): { frame: Frame; parts: readonly string[] } | { param: Shape } | undefined {
    if (path.data) return path.parts[0] === 'root' ? { frame: this.root, parts: path.parts.slice(1) } : undefined;
    const scoped = /^(this|\.)(\/|\.|$)/.test(path.original);
    const param = !scoped && path.depth === 0 ? scope.params.get(path.parts[0] ?? '') : undefined;
    if (param) return { param };
    let frame = scope.frame;
    for (let up = 0; up < path.depth; up += 1) frame = frame.parent ?? this.root;
    return { frame, parts: path.parts };
  }

  /** Goes down `parts` from `start`. */
  private follow(path: PathExpression, parts: readonly string[], start: Shape, scope: Scope): Shape {
    let shape = start;
    for (const part of parts) {
      // Object.prototype's names print nothing: Handlebars gives a layout no prototype.
      if (shape.kind === 'open' || isPrototypeName(part)) return OPEN;
      if (shape.kind === 'record') {
        const field = shape.fields.get(part);
        if (!field) {
          this.problem(path, scope, `no field \`${part}\` in ${shape.what}${suggestion(part, shape)}; it has ${fieldList(shape)}`, 'template-field');
          return OPEN;
        }
        shape = field;
      } else if (part === 'length') shape = NUMBER;
      else if (shape.kind === 'list' && /^\d+$/.test(part)) shape = shape.item;
      else {
        const reason = shape.kind === 'list' ? `${shape.what} is a list: read its items with {{#each}}, or its \`length\`` : `${shape.what} is text, with no field \`${part}\``;
        this.problem(path, scope, `\`${path.original}\`: ${reason}`, 'template-field');
        return OPEN;
      }
    }
    return shape;
  }

  /** The guards inside a block that tests `subject`: its field may be read there. */
  private guarded(subject: Expression | undefined, scope: Scope): ReadonlySet<string> {
    if (subject?.type !== 'PathExpression') return scope.guards;
    const place = this.placeOf(subject as PathExpression, scope);
    if (!place || 'param' in place || place.parts[0] === undefined) return scope.guards;
    return new Set([...scope.guards, `${place.frame.id}:${place.parts[0]}`]);
  }

  private isHelper(path: PathExpression): boolean {
    const name = simpleName(path);
    return name !== undefined && this.check.helpers.has(name);
  }

  private partialMissing(path: PathExpression, scope: Scope): void {
    const names = [...new Set([...this.check.partials.keys(), ...scope.inline.keys()])].sort();
    const known = names.length > 0 ? names.join(', ') : 'none';
    this.problem(path, scope, `no partial \`${path.original}\` (partials: ${known}); add partials/${path.original}.hbs to the templates folder, or correct the name`, 'template-partial');
  }

  private problem(path: PathExpression, scope: Scope, reason: string, rule: FieldProblem['rule']): void {
    // Handlebars counts columns from 0.
    const problem = { file: scope.file, line: path.loc.start.line, column: path.loc.start.column + 1, reason, rule };
    const key = `${problem.file}:${problem.line}:${problem.column}:${reason}`;
    if (!this.problems.has(key)) this.problems.set(key, problem);
  }
}

/** A name Handlebars may call as a helper: one identifier, not `this.x`, `./x`, `../x` or `@x`. */
function simpleName(path: PathExpression | Expression): string | undefined {
  if (path.type !== 'PathExpression') return undefined;
  const p = path as PathExpression;
  return !p.data && p.depth === 0 && p.parts.length === 1 && !/^(this|\.)(\/|\.|$)/.test(p.original) ? p.parts[0] : undefined;
}

/** A partial given `name=value` pairs reads them as fields beside its context's. */
function withHash(context: Shape, hash: Hash | undefined): Shape {
  if (!hash || hash.pairs.length === 0) return context;
  if (context.kind !== 'record') return OPEN;
  const fields = new Map(context.fields);
  for (const pair of hash.pairs) fields.set(pair.key, OPEN);
  return { ...context, fields };
}

/** Every `{{#*inline "name"}}` of a template, wherever it is written (Handlebars defines them before the template runs), beside those already in reach. */
function inlinePartials(program: Program, file: string, inReach: ReadonlyMap<string, InlinePartial>): Map<string, InlinePartial> {
  const found = new Map(inReach);
  const work: Array<Program | undefined> = [program];
  while (work.length > 0) {
    for (const statement of work.pop()?.body ?? []) {
      if (statement.type !== 'DecoratorBlock' && statement.type !== 'BlockStatement' && statement.type !== 'PartialBlockStatement') continue;
      const block = statement as hbs.AST.BlockStatement;
      const name = block.params?.[0];
      if (statement.type === 'DecoratorBlock' && simpleName(block.path) === 'inline' && name?.type === 'StringLiteral') found.set((name as hbs.AST.StringLiteral).value, { program: block.program, file });
      work.push(block.program, block.inverse);
    }
  }
  return found;
}

function isPrototypeName(name: string): boolean {
  return name in Object.prototype;
}

function fieldList(shape: Extract<Shape, { kind: 'record' }>): string {
  return [...shape.fields.keys()].sort().join(', ');
}

/** ` (did you mean \`title\`?)` for a name one or two letters away from a field's. */
function suggestion(name: string, shape: Extract<Shape, { kind: 'record' }>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const field of shape.fields.keys()) {
    const distance = editDistance(name.toLowerCase(), field.toLowerCase());
    if (distance < bestDistance && distance < Math.max(name.length, field.length) / 2) {
      best = field;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : ` (did you mean \`${best}\`?)`;
}

/** Letters to change, add, remove or swap with a neighbour to turn one name into the other. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}
