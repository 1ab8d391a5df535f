import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Project } from '../project/project.js';

/** Finds a datasource's fixture in the project (`fixtures/<ds>.ndjson` or `.csv`) and reads it. */
export function fixtureLoader(project: Project): (datasource: string) => { text: string; format: 'ndjson' | 'csv' } | undefined {
  return (datasource) => {
    const fixture = project.fixtures.find((f) => f.datasource === datasource);
    if (!fixture) return undefined;
    return { text: readFileSync(join(project.root, fixture.path), 'utf8'), format: fixture.format };
  };
}
