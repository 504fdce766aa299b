/** Placeholder until the keeps land: headings with their text, widows and orphans. */
export function installKeeps(): void {}
