/** Placeholder until the line-layout fix lands: justification and visible hyphens. */
export function installLineLayout(): void {}
