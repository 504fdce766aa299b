/**
 * The download page is made from the manifest, its template and the string
 * tables, and ends with the key of what it was made from: a build that finds
 * the page already made from the same does not make it again, and any change
 * to one of them makes it again.
 */
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { memoryProject } from '../helpers/project.ts';

const LEAFLET = '---\nlayout: leaflet\ntitle: Un tract\ndate: 2024-05-01\n---\n\nUn texte court.\n';

describe('the download page is made again only when what it is made from changed', () => {
  it('kept when nothing changed, made again after its template or a publication changed', async () => {
    const world = await memoryProject({ 'content/leaflets/a.md': LEAFLET });
    const page = () => new TextDecoder().decode(world.files.get('output/index.html'));
    await build({ world, profiles: ['screen'] });
    const first = world.files.get('output/index.html');
    expect(page()).toMatch(/<!-- roneo page [0-9a-f]{64} -->\n$/);

    await build({ world, profiles: ['screen'] });
    // Not even written again: the very same bytes are in place.
    expect(world.files.get('output/index.html')).toBe(first);

    const template = new TextDecoder().decode(world.files.get('templates/site/index.hbs'));
    world.files.set('templates/site/index.hbs', new TextEncoder().encode(template.replace('</body>', '<p>Imprimé par le comité</p>\n</body>')));
    await build({ world, profiles: ['screen'] });
    expect(page()).toContain('<p>Imprimé par le comité</p>');
    const second = page();

    world.files.set('content/leaflets/a.md', new TextEncoder().encode(LEAFLET.replace('Un tract', 'Un autre tract')));
    await build({ world, profiles: ['screen'] });
    expect(page()).toContain('Un autre tract');
    expect(page()).not.toBe(second);
  });
});
