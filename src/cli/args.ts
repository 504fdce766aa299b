import { parseArgs } from 'node:util';
import { type Profile, PROFILES } from '../build.ts';

export const USAGE = `Usage: roneo <command> [options]

Commands:
  build    Build every publication in the content folder into PDFs

Run \`roneo build --help\` for the options of build.`;

export const BUILD_USAGE = `Usage: roneo build [--content DIR] [--templates DIR] [--out DIR] [--profile LIST] [--only ID ...]

Builds every Markdown file with \`layout:\` in its front matter into a PDF.

Options:
  --content DIR     Markdown sources (default: content)
  --templates DIR   Handlebars layouts and string tables (default: templates)
  --fonts DIR       Fonts and fonts.json (default: fonts)
  --out DIR         Where PDFs and manifest.json are written (default: output)
  --profile LIST    What to make besides the reading PDF (screen): home, shop, or both,
                    comma-separated (default: home; --profile screen makes the reading PDF alone)
  --only ID ...     Build only these publications, e.g. --only leaflets/janaozen-anniversaire
  -h, --help        Show this help

Exit status: 0 success, 1 a publication has an error, 2 usage error.`;

export type Command =
  | { kind: 'help'; text: string }
  | { kind: 'usage-error'; message: string; text: string }
  | { kind: 'build'; content: string; templates: string; fonts: string; out: string; only: string[]; profiles?: Profile[] };

export function parseCommand(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') return { kind: 'help', text: USAGE };
  if (command !== 'build') return { kind: 'usage-error', message: `unknown command \`${command}\``, text: USAGE };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        content: { type: 'string', default: 'content' },
        templates: { type: 'string', default: 'templates' },
        fonts: { type: 'string', default: 'fonts' },
        out: { type: 'string', default: 'output' },
        only: { type: 'string', multiple: true },
        profile: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: (error as Error).message.split('\n')[0]!, text: BUILD_USAGE };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help', text: BUILD_USAGE };
  const only = values.only ?? [];
  // `--only a b` lists several ids after one flag; stray words without --only are a mistake.
  if (positionals.length > 0 && only.length === 0) {
    return { kind: 'usage-error', message: `unexpected argument \`${positionals[0]}\``, text: BUILD_USAGE };
  }
  for (const [name, value] of Object.entries({ content: values.content, templates: values.templates, fonts: values.fonts, out: values.out })) {
    if (!value) return { kind: 'usage-error', message: `--${name} needs a folder`, text: BUILD_USAGE };
  }
  const asked = (values.profile ?? []).flatMap((list) => list.split(',')).map((name) => name.trim()).filter((name) => name !== '');
  const unknown = asked.find((name) => !(PROFILES as readonly string[]).includes(name));
  if (unknown !== undefined) return { kind: 'usage-error', message: `unknown profile \`${unknown}\` (profiles: ${PROFILES.join(', ')})`, text: BUILD_USAGE };
  return {
    kind: 'build',
    content: values.content,
    templates: values.templates,
    fonts: values.fonts,
    out: values.out,
    only: [...only, ...positionals].map((id) => id.replace(/\.md$/, '')),
    ...(asked.length > 0 ? { profiles: [...new Set(asked)].filter((name): name is Profile => name !== 'screen') } : {}),
  };
}
