import { parseArgs } from 'node:util';
import { type Profile, PROFILES } from '../build.ts';
import { DEFAULT_HOST, DEFAULT_PORT } from '../serve/server.ts';

export const USAGE = `Usage: roneo <command> [options]

Commands:
  build    Build every publication in the content folder into PDFs
  check    Check every publication as build does, without rendering or writing anything
  serve    Serve the output folder over HTTP, to browse and download what was built
  watch    Build, then rebuild what each change affects, until stopped

Run \`roneo <command> --help\` for the options of each.`;

export const BUILD_USAGE = `Usage: roneo build [--content DIR] [--templates DIR] [--out DIR] [--profile LIST] [--only ID ...] [--force] [--no-wait] [--quiet | --json]

Builds every Markdown file with \`layout:\` in its front matter into a PDF.

Options:
  --content DIR     Markdown sources (default: content)
  --templates DIR   Handlebars layouts and string tables (default: templates)
  --fonts DIR       Fonts and fonts.json (default: fonts)
  --out DIR         Where PDFs and manifest.json are written (default: output)
  --profile LIST    What to make besides the reading PDF (screen): home, shop, or both,
                    comma-separated (default: home; --profile screen makes the reading PDF alone)
  --only ID ...     Build only these publications, e.g. --only leaflets/janaozen-anniversaire
  --force           Build every publication, even those unchanged since their last good build
  --no-wait         When another build is writing the output folder, fail at once
                    instead of waiting for it to finish
  -q, --quiet       Print only problems
  --json            Print one JSON summary on stdout: publications, files, pages, bytes,
                    times and diagnostics
  -h, --help        Show this help

Flags not given take their value from roneo.config.json when the project has one.

Everything is written to the output folder at the end, in one short step: a build
stopped before then leaves the folder as it was.

Exit status: 0 success, 1 a publication has an error (or, with --no-wait, the output
folder is in use), 2 usage error, 130 stopped by Ctrl+C (143 by SIGTERM).`;

export const CHECK_USAGE = `Usage: roneo check [--content DIR] [--templates DIR] [--fonts DIR] [--only ID ...] [--quiet | --json]

Runs every check \`roneo build\` runs (front matter, includes, layouts, glyph
coverage of the fonts, pictures, variants) and reports the same problems, in the
same form, without rendering or writing anything. Whether a leaflet fits its page
is known only once it is set: \`build\` reports that.

Options:
  --content DIR     Markdown sources (default: content)
  --templates DIR   Handlebars layouts and string tables (default: templates)
  --fonts DIR       Fonts and fonts.json (default: fonts)
  --only ID ...     Check only these publications
  -q, --quiet       Print only problems
  --json            Print one JSON summary on stdout
  -h, --help        Show this help

Flags not given take their value from roneo.config.json when the project has one.

Exit status: 0 no error, 1 a publication has an error, 2 usage error.`;

export const SERVE_USAGE = `Usage: roneo serve [--out DIR] [--port N] [--host ADDRESS]

Serves the built site in the output folder (PDFs, index.html, manifest.json)
over HTTP, until Ctrl+C.

Options:
  --out DIR         The folder to serve (default: output)
  --port N          TCP port, 0 for any free one (default: ${DEFAULT_PORT})
  --host ADDRESS    Address to listen on (default: ${DEFAULT_HOST}, this machine only;
                    0.0.0.0 lets other machines on the network connect)
  -h, --help        Show this help

Exit status: 0 stopped by Ctrl+C or SIGTERM, 1 cannot serve (no such folder,
port in use), 2 usage error.`;

export const WATCH_USAGE = `Usage: roneo watch [--content DIR] [--templates DIR] [--fonts DIR] [--out DIR] [--profile LIST] [--only ID ...] [--quiet]

Builds every publication once, then watches the content (pictures included),
the templates, the fonts and roneo.config.json. After each change it builds
again only what depends on it: an article, the publications that include it; a
layout, its publications; a font, all of them. One line per rebuild, then every
problem; a problem does not stop the watch. Ctrl+C stops it.

Options:
  --content DIR     Markdown sources and their pictures (default: content)
  --templates DIR   Handlebars layouts and string tables (default: templates)
  --fonts DIR       Fonts and fonts.json (default: fonts)
  --out DIR         Where PDFs and manifest.json are written (default: output)
  --profile LIST    What to make besides the reading PDF (screen): home, shop, or both,
                    comma-separated (default: home; --profile screen makes the reading PDF alone)
  --only ID ...     Build only these publications
  -q, --quiet       Print only problems
  -h, --help        Show this help

Flags not given take their value from roneo.config.json when the project has one.

Exit status: 0 stopped by Ctrl+C or SIGTERM, 2 usage error.`;

export type Command =
  | { kind: 'help'; text: string }
  | { kind: 'usage-error'; message: string; text: string }
  | { kind: 'build' | 'check' | 'watch'; content?: string; templates?: string; fonts?: string; out?: string; only: string[]; profiles?: Profile[]; output: 'lines' | 'quiet' | 'json'; force?: boolean; noWait?: boolean }
  | { kind: 'serve'; out: string; port: number; host: string };

export function parseCommand(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { kind: 'help', text: USAGE };
  if (command === 'build') return parseBuild(rest, 'build');
  if (command === 'check') return parseBuild(rest, 'check');
  if (command === 'serve') return parseServe(rest);
  if (command === 'watch') return parseBuild(rest, 'watch');
  return { kind: 'usage-error', message: `unknown command \`${command}\``, text: USAGE };
}

/**
 * `build`, `check` and `watch` share their options; `check` writes nothing, so it takes no --out or --profile;
 * `watch` prints lines as it goes, so no --json, builds only what changed, so no --force, and waits for a build
 * that holds the output folder, as its rebuilds come when they come, so no --no-wait.
 */
function parseBuild(rest: readonly string[], kind: 'build' | 'check' | 'watch'): Command {
  const usage = kind === 'build' ? BUILD_USAGE : kind === 'check' ? CHECK_USAGE : WATCH_USAGE;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        // No defaults here: a flag not given leaves the setting to roneo.config.json, then to Roneo.
        content: { type: 'string' },
        templates: { type: 'string' },
        fonts: { type: 'string' },
        only: { type: 'string', multiple: true },
        quiet: { type: 'boolean', short: 'q', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        ...(kind !== 'watch' ? { json: { type: 'boolean', default: false } } : {}),
        ...(kind !== 'check' ? { out: { type: 'string' }, profile: { type: 'string', multiple: true } } : {}),
        ...(kind === 'build' ? { force: { type: 'boolean', default: false }, 'no-wait': { type: 'boolean', default: false } } : {}),
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message.split('\n')[0]!, text: usage };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', text: usage };
  if (values.quiet && values.json) return { kind: 'usage-error', message: '--quiet and --json cannot be used together', text: usage };
  const only = values.only ?? [];
  // `--only a b` lists several ids after one flag; stray words without --only are a mistake.
  if (positionals.length > 0 && only.length === 0) {
    return { kind: 'usage-error', message: `unexpected argument \`${positionals[0]}\``, text: usage };
  }
  const out = typeof values.out === 'string' ? values.out : undefined;
  const folders = { content: values.content, templates: values.templates, fonts: values.fonts, out };
  for (const [name, value] of Object.entries(folders)) {
    if (value !== undefined && value.trim() === '') return { kind: 'usage-error', message: `--${name} needs a folder`, text: usage };
  }
  const asked = (Array.isArray(values.profile) ? values.profile : []).flatMap((list) => list.split(',')).map((name) => name.trim()).filter((name) => name !== '');
  const unknown = asked.find((name) => !(PROFILES as readonly string[]).includes(name));
  if (unknown !== undefined) return { kind: 'usage-error', message: `unknown profile \`${unknown}\` (profiles: ${PROFILES.join(', ')})`, text: usage };
  return {
    kind,
    output: values.json ? 'json' : values.quiet ? 'quiet' : 'lines',
    ...(values.force === true ? { force: true } : {}),
    ...(values['no-wait'] === true ? { noWait: true } : {}),
    ...Object.fromEntries(Object.entries(folders).filter(([, value]) => value !== undefined)),
    only: [...only, ...positionals].map((id) => id.replace(/\.md$/, '')),
    ...(asked.length > 0 ? { profiles: [...new Set(asked)].filter((name): name is Profile => name !== 'screen') } : {}),
  };
}

function parseServe(rest: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', default: 'output' },
        port: { type: 'string', default: String(DEFAULT_PORT) },
        host: { type: 'string', default: DEFAULT_HOST },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message.split('\n')[0]!, text: SERVE_USAGE };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', text: SERVE_USAGE };
  if (positionals.length > 0) return { kind: 'usage-error', message: `unexpected argument \`${positionals[0]}\``, text: SERVE_USAGE };
  if (!values.out) return { kind: 'usage-error', message: '--out needs a folder', text: SERVE_USAGE };
  if (!values.host) return { kind: 'usage-error', message: '--host needs an address', text: SERVE_USAGE };
  // Digits only: Number() would also take ' 80', '0x50' and '1e3'.
  const port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port <= 65535)) return { kind: 'usage-error', message: `--port needs a number from 0 to 65535, not \`${values.port}\``, text: SERVE_USAGE };
  return { kind: 'serve', out: values.out, port, host: values.host };
}
