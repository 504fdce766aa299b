export function greeting(name: string): string {
  return `bundled ${name}`;
}
