import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
interface Objects {
  [ref: string]: { value?: Value } | undefined;
}

/** For each page (index 0 = page 1), the named destinations its links jump to, in the order the links were drawn. */
export async function linkDestinationsByPage(file: string): Promise<string[][]> {
  const { stdout } = await run('qpdf', ['--json', '--json-key=qpdf', '--json-key=pages', file], { maxBuffer: 256 * 1024 * 1024 });
  const json = JSON.parse(stdout) as { pages: Array<{ object: string }>; qpdf: [unknown, Objects] };
  const objects = json.qpdf[1];
  const resolve = (value: Value | undefined): Value | undefined =>
    typeof value === 'string' && /^\d+ \d+ R$/.test(value) ? objects[`obj:${value}`]?.value : value;
  return json.pages.map(({ object }) => {
    const page = resolve(object) as { [key: string]: Value } | undefined;
    const annots = resolve(page?.['/Annots']);
    if (!Array.isArray(annots)) return [];
    return annots.flatMap((ref) => {
      const annot = resolve(ref) as { [key: string]: Value } | undefined;
      if (annot?.['/Subtype'] !== '/Link') return [];
      const action = resolve(annot['/A']) as { [key: string]: Value } | undefined;
      const dest = action?.['/D'];
      // qpdf writes PDF text strings as "u:…".
      return typeof dest === 'string' && dest.startsWith('u:') ? [dest.slice(2)] : [];
    });
  });
}
