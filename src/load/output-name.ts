/** Characters Windows refuses in a file name; a folder of PDFs is copied there as often as anywhere. */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
/** Names Windows keeps for devices, whatever follows the first dot: `con.pdf` cannot be made or copied there. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
/** Marks that reverse how the text around them is shown: a name that reads as another. */
const DIRECTION = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Why a publication's id (its path in the content folder, without `.md`)
 * cannot name its files in the output folder, or undefined when it can. Each
 * folder and file name is checked: a name that holds a line break breaks
 * every list and message that shows it, and one Windows cannot hold is lost
 * when the output folder is copied there.
 */
export function outputNameProblem(id: string): string | undefined {
  const names = id.split('/');
  for (const [index, name] of names.entries()) {
    const problem = nameProblem(name);
    if (!problem) continue;
    const rename = index === names.length - 1 ? 'rename the file' : `rename the folder \`${name}\``;
    return `\`${id}\` cannot name a PDF: ${problem}; ${rename} with letters, digits, - and _`;
  }
  return undefined;
}

function nameProblem(name: string): string | undefined {
  const control = CONTROL.exec(name);
  if (control) return `it holds a control character (${codeOf(control[0])})`;
  const direction = DIRECTION.exec(name);
  if (direction) return `it holds a mark that turns the text around (${codeOf(direction[0])})`;
  if (name.includes('\\')) return 'it holds a backslash, which Windows reads as a folder separator';
  const forbidden = WINDOWS_FORBIDDEN.exec(name);
  if (forbidden) return `it holds \`${forbidden[0]}\`, which Windows does not allow in a file name`;
  const stem = name.split('.')[0]!;
  if (WINDOWS_DEVICE.test(stem)) return `\`${stem}\` is a name Windows keeps for a device`;
  if (/[. ]$/.test(name)) return 'it ends with a dot or a space, which Windows drops';
  return undefined;
}

function codeOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
