import { formatDate } from '../../layout/format-date.ts';
import type { StringTable } from '../../layout/strings.ts';
import type { Manifest, ManifestEntry, OutputFile } from '../manifest.ts';

/** What the download page's template is given: every word already in the page's language, every path already a link. */
export interface PageData {
  lang: string;
  title: string;
  intro: string;
  groups: PageGroup[];
  generator: string;
  strings: StringTable;
}

export interface PageGroup {
  /** `leaflet`, `variant`, `pamphlet`, `dossier`, or another layout's name: an id for the section. */
  kind: string;
  heading: string;
  publications: PagePublication[];
}

export interface PagePublication {
  id: string;
  /** An HTML id, unique on the page. */
  anchor: string;
  title: string;
  subtitle?: string;
  lang: string;
  language: string;
  date?: string;
  dateText?: string;
  pagesText: string;
  sizeText: string;
  sha256: string;
  preview?: { src: string; width: number; height: number; alt: string };
  downloads: PageDownload[];
  /** A leaflet made for several local groups: one row per group, with its own PDF. */
  groups?: PageGroupCopy[];
}

/** One local group's copy of a leaflet. */
export interface PageGroupCopy {
  /** The group's slug, as its file is named. */
  name: string;
  href: string;
  sizeText: string;
  sha256: string;
}

export interface PageDownload {
  label: string;
  href: string;
  /** The file's name, for the browser's download. */
  name: string;
  sizeText: string;
  sha256: string;
  instructions?: string;
  /** A file to save and print rather than read in the browser: the link asks the browser to download it. */
  download: boolean;
}

/** Sections in the order a distributor looks for them. */
const KIND_ORDER = ['leaflet', 'variant', 'pamphlet', 'dossier'];

/**
 * The download page's content, from the manifest: publications grouped by
 * kind (leaflets, local groups' leaflets, pamphlets, dossier, then any other
 * layout), in the campaign's language — the one most of its publications
 * are written in.
 */
export function pageData(manifest: Manifest, stringsFor: (lang: string) => StringTable): PageData {
  const lang = campaignLanguage(manifest.publications);
  const strings = stringsFor(lang);
  const word = (key: string) => strings[key] ?? key;
  const groups = new Map<string, PagePublication[]>();
  const add = (kind: string, item: PagePublication) => {
    let list = groups.get(kind);
    if (!list) groups.set(kind, (list = []));
    list.push(item);
  };
  // A leaflet for many local groups is one card, shown by its first group's page, with a row per group:
  // a page of a thousand cards and previews would serve no distributor.
  const copies = new Map<string, ManifestEntry[]>();
  for (const entry of manifest.publications) {
    if (!entry.variant) add(entry.layout, publication(entry, lang, strings));
    else if (copies.has(entry.variant.of)) copies.get(entry.variant.of)!.push(entry);
    else copies.set(entry.variant.of, [entry]);
  }
  for (const [of, entries] of copies) add('variant', variantPublication(of, entries, lang, strings));
  const rank = (kind: string) => (KIND_ORDER.includes(kind) ? KIND_ORDER.indexOf(kind) : KIND_ORDER.length);
  const kinds = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return {
    lang,
    title: word('site_title'),
    intro: word('site_intro'),
    groups: kinds.map((kind) => ({ kind, heading: strings[`kind_${kind}`] ?? kind, publications: groups.get(kind)! })),
    generator: manifest.generator,
    strings,
  };
}

function publication(entry: ManifestEntry, pageLang: string, strings: StringTable): PagePublication {
  const word = (key: string) => strings[key] ?? key;
  const files: OutputFile[] = entry.files ?? [{ profile: 'screen', kind: 'reading', file: entry.file, bytes: entry.bytes, sha256: entry.sha256 }];
  const seen = new Set<string>();
  const downloads: PageDownload[] = [];
  for (const file of files) {
    // The home profile's reading file is the reading PDF itself when nothing differs: one link is enough.
    if (seen.has(file.file)) continue;
    seen.add(file.file);
    const label = file.kind === 'reading' ? (file.profile === 'home' ? word('file_home') : word('file_reading')) : word(`file_${file.kind.replace('-', '_')}`);
    downloads.push({
      label,
      href: href(file.file),
      name: file.file.split('/').at(-1)!,
      sizeText: size(file.bytes, pageLang),
      sha256: file.sha256,
      ...(file.instructions ? { instructions: file.instructions } : {}),
      download: file.kind !== 'reading',
    });
  }
  return {
    id: entry.id,
    anchor: `p-${entry.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`,
    title: entry.title,
    ...(entry.subtitle ? { subtitle: entry.subtitle } : {}),
    lang: entry.lang,
    language: languageName(entry.lang, pageLang),
    ...(entry.date ? { date: entry.date, dateText: formatDate(entry.date, pageLang) } : {}),
    pagesText: plural(strings, 'pages', entry.pages, pageLang),
    sizeText: size(entry.bytes, pageLang),
    sha256: entry.sha256,
    ...(entry.preview
      ? { preview: { src: href(entry.preview.file), width: entry.preview.width, height: entry.preview.height, alt: word('preview_alt').replaceAll('{title}', entry.title) } }
      : {}),
    downloads,
  };
}

function variantPublication(of: string, entries: ManifestEntry[], pageLang: string, strings: StringTable): PagePublication {
  const sorted = [...entries].sort((a, b) => a.variant!.sheet - b.variant!.sheet);
  const first = sorted[0]!;
  const base = publication(first, pageLang, strings);
  // The shared print file, once: each group's own PDF is in its row.
  const shared = base.downloads.filter((download) => download.href !== href(first.file));
  const suffix = ` (${first.variant!.slug})`;
  return {
    ...base,
    id: of,
    anchor: `p-${of.replace(/[^A-Za-z0-9_-]+/g, '-')}`,
    title: first.title.endsWith(suffix) ? first.title.slice(0, -suffix.length) : first.title,
    sizeText: size(Math.max(...sorted.map((entry) => entry.bytes)), pageLang),
    downloads: shared,
    groups: sorted.map((entry) => ({ name: entry.variant!.slug, href: href(entry.file), sizeText: size(entry.bytes, pageLang), sha256: entry.sha256 })),
  };
}

function campaignLanguage(entries: readonly ManifestEntry[]): string {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(entry.lang, (counts.get(entry.lang) ?? 0) + 1);
  let best = 'en';
  let most = 0;
  for (const [lang, count] of counts) if (count > most) [best, most] = [lang, count];
  return best;
}

/** A path inside the output folder as a relative link: works from file://, any static host, and `roneo serve`. */
function href(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function size(bytes: number, lang: string): string {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'megabyte'] : [bytes / 1e3, 'kilobyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

function plural(strings: StringTable, key: string, n: number, lang: string): string {
  const form = new Intl.PluralRules(lang).select(n);
  const text = strings[`${key}_${form}`] ?? strings[`${key}_other`] ?? `{n}`;
  return text.replaceAll('{n}', new Intl.NumberFormat(lang).format(n));
}

function languageName(tag: string, pageLang: string): string {
  try {
    return new Intl.DisplayNames([pageLang], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
