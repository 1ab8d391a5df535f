import { relative } from 'node:path';
import { startDev } from '../api/dev.js';
import type { RebuildResult } from '../dev/session.js';
import { makeChalk, printDiagnostics, say } from './output.js';

/** `mk dev`: serve, print what was built, rebuild on save; Ctrl-C stops. */
export async function runDev(options: { project: string; port: number; host: string; watch: boolean }): Promise<void> {
  const c = makeChalk();
  const report = (result: RebuildResult, paths: readonly string[]) => {
    if (paths.length > 0) say(c.dim(`\n⟳ ${paths.map((p) => relative(options.project, p)).join(', ')} changed, rebuilding…`));
    printDiagnostics(result.diagnostics, result.sources);
    if (!result.ok) {
      say(`${c.red('✗')} Build failed${paths.length > 0 ? '; still serving the previous version' : ''}`);
      return;
    }
    const ch = result.changes;
    for (const name of ch.newDatasources) say(`${c.green('✓')} datasources/${name} created${loadedNote(result, name)}`);
    for (const name of ch.changedDatasources) say(`${c.green('✓')} datasources/${name} changed${loadedNote(result, name)}`);
    for (const name of ch.newPipes) say(`${c.green('✓')} pipe ${name} created`);
    for (const name of ch.changedPipes) say(`${c.green('✓')} pipe ${name} changed`);
    say(`${c.green('✓')} Build completed`);
  };
  const server = await startDev({ ...options, onRebuild: report });
  say('');
  say(`${c.bold('mk dev')} serving ${c.cyan(server.url)}`);
  say(`  admin token: ${c.dim('.mk/admin-token')} (or GET ${server.url}/tokens from this machine)`);
  say(`  endpoints:   ${c.dim(`${server.url}/v0/pipes/<name>.json?token=…`)}`);
  say(`  events:      ${c.dim(`POST ${server.url}/v0/events?name=<datasource>`)}`);
  say(c.dim(options.watch ? '  watching for changes; Ctrl-C to stop' : '  Ctrl-C to stop'));
  await new Promise<void>((resolve) => {
    const stop = () => {
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function loadedNote(result: RebuildResult, name: string): string {
  const rows = result.loaded[name];
  return rows === undefined ? '' : ` with ${rows} fixture rows`;
}
