import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FixtureFormat, Project } from '../project/project.js';

/** A datasource's fixture as read from the project: rows as text, or (format `sql`) the query that makes them. */
export interface FixtureText {
  readonly path: string;
  readonly text: string;
  readonly format: FixtureFormat;
}

/** Finds a datasource's fixture in the project (`fixtures/<ds>.ndjson`, `.csv` or `.sql`) and reads it. */
export function fixtureLoader(project: Project): (datasource: string) => FixtureText | undefined {
  return (datasource) => {
    const fixture = project.fixtures.find((f) => f.datasource === datasource);
    if (!fixture) return undefined;
    // The loader keeps `.sql` generators' text (for code frames): read each file once.
    const text = project.sources.get(fixture.path) ?? readFileSync(join(project.root, fixture.path), 'utf8');
    return { path: fixture.path, text, format: fixture.format };
  };
}
