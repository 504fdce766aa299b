/**
 * Leaflet variants at scale: the time of a cold build of one leaflet (a
 * fresh `roneo build` process: start-up, fonts, layout, PDF, print sheet)
 * against a build of the same leaflet for 1,000 local groups, and the cost
 * of each variant beyond the first. Each build runs the `roneo` command in
 * its own process on a temporary project on disk, as an activist would.
 */
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO, tempProject } from '../../helpers/project.ts';

const run = promisify(execFile);

const LEAFLET = `---
layout: leaflet
title: "16 décembre : rassemblement pour Janaözen"
subtitle: "Solidarité avec les travailleurs du Kazakhstan"
lang: fr
date: "2026-12-16"
publisher: "Comité de solidarité Kazakhstan"
variants: groupes.csv
qr: "https://solidarite-kazakhstan.example/16-decembre"
---

Le 16 décembre 2011, à Janaözen, les forces de l’OMON et l’armée ont ouvert le feu sur les travailleurs du pétrole en grève et sur les habitants rassemblés sur la grand-place de la ville. Selon les travailleurs, 70 personnes avaient déjà été tuées vers 14 heures.

En janvier 2022, la police et l’armée ont abattu au moins 225 manifestants dans tout le pays ; plus de 3 000 personnes ont été arrêtées.

## Rassemblement à :variant[ville]

**:variant[rendez_vous]**, à l’appel du :variant[groupe].

- Halte à la répression, libération des détenus politiques !
- Pour le droit de faire grève et de manifester en masse !
`;

function groups(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `ville-${i + 1},Ville ${i + 1},comité de la ville ${i + 1},"Mercredi 16 décembre, 18 h, place ${i + 1}","Comité ${i + 1}\ncomite${i + 1}@solidarite.example"`);
  return `slug,ville,groupe,rendez_vous,contact\n${rows.join('\n')}\n`;
}

/** Wall time of `roneo build` in a fresh process, for a leaflet with `count` local groups, in ms. */
export async function timeBuild(count: number): Promise<number> {
  // The leaflets and their print sheets, as at issue 5: without the download page, whose previews cost apart.
  const project = await tempProject({ files: { 'content/leaflets/rassemblement.md': LEAFLET, 'content/leaflets/groupes.csv': groups(count), 'roneo.config.json': '{ "site": false, "cache": false }' } });
  try {
    const started = performance.now();
    await run(process.execPath, [join(REPO, 'src/cli/roneo.js'), 'build'], { cwd: project.root, maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - started;
    const written = (await readdir(join(project.root, 'output/leaflets/rassemblement'))).filter((name) => name.endsWith('.pdf'));
    if (written.length !== count) throw new Error(`expected ${count} leaflets, found ${written.length}`);
    return ms;
  } finally {
    await project.cleanup();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The report: the cold single build and the many-variant build, each the median of `runs`; the first build (which bundles the sources) is not counted. */
export async function measureVariants(groups: number, runs: number): Promise<string[]> {
  await timeBuild(1);
  const cold: number[] = [];
  const many: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    cold.push(await timeBuild(1));
    many.push(await timeBuild(groups));
  }
  const single = median(cold);
  const total = median(many);
  const perVariant = (total - single) / (groups - 1);
  return [
    `cold build of one leaflet: ${(single / 1000).toFixed(2)} s (median of ${runs}; a fresh process: start-up, fonts, layout, PDF, print sheet)`,
    `${groups} variants: ${(total / 1000).toFixed(1)} s, ${(groups / (total / 1000)).toFixed(1)} leaflets per second`,
    `each variant beyond the first: ${perVariant.toFixed(0)} ms = ${(perVariant / single).toFixed(3)} × the cold build (target ≤ 0.1×: ${perVariant / single <= 0.1 ? 'met' : 'MISSED'})`,
  ];
}
