import { z } from 'zod';

const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    error: 'is not a real calendar date',
  });

/** `title:` left empty reads as null in YAML: that is a missing value, not a wrong one. */
const missing = (input: unknown) => input === undefined || input === null;

/**
 * The layouts print the QR code about 2 cm wide at error correction M: past some 300 bytes its modules are
 * under a third of a millimetre, which a home printer smudges and a phone misreads (and past 2,331 no QR code
 * at that correction holds the address at all).
 */
const QR_MAX_BYTES = 300;

const text = (what = 'text') =>
  z.string({ error: (issue) => (missing(issue.input) ? 'is required' : `must be ${what}`) });

/**
 * The fields Roneo itself understands. Anything else in the front matter is
 * passed to the layout untouched, so templates can grow fields of their own.
 */
export const metadataSchema = z.looseObject({
  layout: text('the name of a template, such as leaflet')
    .regex(/^[a-z0-9][a-z0-9_-]*$/, { error: 'must be a template name made of a-z, 0-9, - and _' })
    .optional(),
  title: text().trim().min(1, { error: 'must not be empty' }),
  subtitle: text().optional(),
  lang: text('a BCP 47 language tag such as fr or en-GB')
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: 'must be a BCP 47 language tag such as fr or en-GB' })
    .default('fr'),
  date: isoDate.optional(),
  author: text().optional(),
  source: z
    .object(
      {
        name: text(),
        url: z.url({ error: (issue) => (missing(issue.input) ? 'is required' : 'must be an absolute URL') }),
      },
      { error: 'must be a mapping with name and url' },
    )
    .optional(),
  include: z.array(text('a content-relative path to a .md file'), { error: 'must be a list of .md paths' }).optional(),
  /** The cover picture, a path relative to the Markdown file, inside the content folder. */
  cover: picturePath(),
  /** The group's logo, printed by the layouts beside the publisher or the contact. */
  logo: picturePath(),
  /** Words for the PDF's metadata: a list, or one line of comma-separated words. */
  keywords: z
    .union([z.string(), z.array(z.union([z.string(), z.number()]).transform(String))], {
      error: 'must be a list of keywords, or one line of text',
    })
    .optional(),
  /** Identify the PDF as PDF/A-2b, for archiving. */
  pdfa: z.boolean({ error: 'must be true or false' }).optional(),
  /** A leaflet's size: A5 (the default, two to an A4 sheet) or A6 (four to a sheet). */
  format: z.enum(['A5', 'A6'], { error: 'must be A5 or A6' }).optional(),
  /** One leaflet per row of this CSV or YAML table (a path relative to the Markdown file). */
  variants: z.unknown().optional(),
  /** A leaflet printed on one side (1, the default) or recto-verso (2). */
  sides: z.union([z.literal(1), z.literal(2)], { error: 'must be 1 (one side) or 2 (recto-verso)' }).optional(),
  /** An address printed as a QR code where the layout puts it. */
  qr: z
    .url({ protocol: /^https?$/, error: (issue) => (missing(issue.input) ? 'is required' : 'must be an absolute http(s) URL') })
    .refine((address) => Buffer.byteLength(address) <= QR_MAX_BYTES, {
      error: (issue) => `is ${Buffer.byteLength(String(issue.input)).toLocaleString('en')} bytes long; a QR code printed 2 cm wide stays readable up to ${QR_MAX_BYTES} bytes: use a shorter address`,
    })
    .optional(),
  /** Who to reach: one line of text, or lines by name (`name`, `address`, `email`, `phone`, `web`, `meeting`…). */
  contact: z
    .union([z.string(), z.record(z.string(), z.union([z.string(), z.number()]).transform(String))], {
      error: 'must be text, or a mapping such as name, address, email, phone, web, meeting',
    })
    .optional(),
});

export type Metadata = z.infer<typeof metadataSchema>;

function picturePath() {
  return z
    .string({ error: 'must be a path to a picture (PNG, JPEG, WebP, SVG…), relative to this file' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .optional();
}
