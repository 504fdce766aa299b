/** The watch's World: what it keeps, what it reads again, and how a dropped change is found. */
import { describe, expect, it } from 'vitest';
import { createMemoryWorld } from '../../src/world/memory-world.ts';
import { createRememberingWorld } from '../../src/world/remembering-world.ts';
import type { World } from '../../src/world/world.ts';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (value: string) => new TextEncoder().encode(value);

function setup() {
  const disk = createMemoryWorld({ 'content/a.md': 'A', 'content/b.md': 'B', 'output/a.pdf': 'PDF' });
  const reads: string[] = [];
  const listings: string[] = [];
  const counted: World = {
    ...disk,
    readFile: (path) => (reads.push(path), disk.readFile(path)),
    listFiles: (dir) => (listings.push(dir), disk.listFiles(dir)),
  };
  const world = createRememberingWorld(counted, (path) => path.startsWith('content/') || path === 'content');
  return { world, reads, listings, files: disk.files };
}

describe('createRememberingWorld', () => {
  it('reads a watched file once and hands back the very same bytes', async () => {
    const { world, reads } = setup();
    const first = await world.readFile('content/a.md');
    expect(await world.readFile('content/./a.md')).toBe(first);
    expect(reads).toEqual(['content/a.md']);
  });

  it('never keeps what is outside the watched folders', async () => {
    const { world, reads } = setup();
    await world.readFile('output/a.pdf');
    await world.readFile('output/a.pdf');
    expect(reads).toEqual(['output/a.pdf', 'output/a.pdf']);
  });

  it('reads a file again once told it changed, and only that file', async () => {
    const { world, reads, files } = setup();
    await world.readFile('content/a.md');
    await world.readFile('content/b.md');
    files.set('content/a.md', bytes('A2'));
    world.forget('content/a.md', false);
    expect(text(await world.readFile('content/a.md'))).toBe('A2');
    await world.readFile('content/b.md');
    expect(reads).toEqual(['content/a.md', 'content/b.md', 'content/a.md']);
  });

  it('lists a folder again when a file comes or goes, not when one changes', async () => {
    const { world, listings, files } = setup();
    await world.listFiles('content');
    world.forget('content/a.md', false);
    await world.listFiles('content');
    expect(listings).toEqual(['content']);
    files.set('content/c.md', bytes('C'));
    world.forget('content/c.md', true);
    expect(await world.listFiles('content')).toEqual(['content/a.md', 'content/b.md', 'content/c.md']);
    expect(listings).toEqual(['content', 'content']);
  });

  it('a folder that goes takes what was read below it', async () => {
    const { world, reads } = setup();
    await world.readFile('content/a.md');
    world.forget('content', true);
    await world.readFile('content/a.md');
    expect(reads).toEqual(['content/a.md', 'content/a.md']);
  });

  it('does not keep a failed read: the file is looked for again', async () => {
    const { world, files } = setup();
    await expect(world.readFile('content/new.md')).rejects.toThrow('no such file');
    files.set('content/new.md', bytes('N'));
    expect(text(await world.readFile('content/new.md'))).toBe('N');
  });

  it('recheck finds a change nobody reported, and forgets the file', async () => {
    const { world, files } = setup();
    await world.readFile('content/a.md');
    expect(await world.recheck('content/a.md')).toBe(false);
    files.set('content/a.md', bytes('A, saved a second time'));
    expect(await world.recheck('content/a.md')).toBe(true);
    expect(text(await world.readFile('content/a.md'))).toBe('A, saved a second time');
    // A file no build was given has nothing to differ from.
    expect(await world.recheck('content/b.md')).toBe(false);
  });

  it('recheck finds a file deleted without a word', async () => {
    const { world, files } = setup();
    await world.readFile('content/a.md');
    files.delete('content/a.md');
    expect(await world.recheck('content/a.md')).toBe(true);
    await expect(world.readFile('content/a.md')).rejects.toThrow('no such file');
  });
});
