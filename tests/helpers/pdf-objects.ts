import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PDF value as qpdf's JSON (version 2) writes it: names `/Name`, strings `u:text` or `b:hex`, references `12 0 R`. */
export type PdfValue = string | number | boolean | null | PdfValue[] | { [key: string]: PdfValue };
export type PdfDictionary = Record<string, PdfValue>;

export interface PdfObjects {
  trailer: PdfDictionary;
  /** The object a reference names: its dictionary (a stream's dictionary for a stream), or its value; any other value as it is. */
  get(ref: PdfValue | undefined): PdfValue | undefined;
  /** A stream's data, with its filters decoded. */
  data(ref: PdfValue | undefined): Buffer | undefined;
  /** Every object, for searches across the whole file. */
  all(): PdfValue[];
}

interface JsonObject {
  value?: PdfValue;
  stream?: { dict: PdfDictionary; data?: string };
}

/** Every object of a PDF, read through `qpdf --json=2`, streams decoded. */
export async function pdfObjects(file: string): Promise<PdfObjects> {
  const { stdout } = await run('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', file], {
    maxBuffer: 512 * 1024 * 1024,
  });
  const objects = (JSON.parse(stdout) as { qpdf: [unknown, Record<string, JsonObject>] }).qpdf[1];
  const entry = (ref: PdfValue | undefined) => (typeof ref === 'string' && /^\d+ \d+ R$/.test(ref) ? objects[`obj:${ref}`] : undefined);
  return {
    trailer: (objects.trailer?.value ?? {}) as PdfDictionary,
    get: (ref) => {
      const found = entry(ref);
      return found ? (found.stream?.dict ?? found.value) : ref;
    },
    data: (ref) => {
      const data = entry(ref)?.stream?.data;
      return data === undefined ? undefined : Buffer.from(data, 'base64');
    },
    all: () => Object.entries(objects).flatMap(([key, o]) => (key === 'trailer' ? [] : [o.stream?.dict ?? o.value ?? null])),
  };
}

/** The text of a `u:` string. */
export function pdfString(value: PdfValue | undefined): string | undefined {
  return typeof value === 'string' && value.startsWith('u:') ? value.slice(2) : undefined;
}
