import { watch } from 'chokidar';

/**
 * Calls `onChange` once per burst of saves in a project (editors write several events per save), for
 * datafiles and fixtures only. Resolves, with a function that stops watching, once the first scan is
 * done: a save before that could go unseen (on a busy machine the scan takes seconds).
 */
export async function watchProject(root: string, onChange: (paths: string[]) => void, debounceMs = 150): Promise<() => Promise<void>> {
  const watcher = watch(root, {
    ignoreInitial: true,
    ignored: (path: string) => /(^|[/\\])(\.mk|\.git|node_modules)([/\\]|$)/.test(path),
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const relevant = /\.(datasource|pipe|connection|incl|ndjson|csv|sql)$/;
  watcher.on('all', (_event, path) => {
    if (!relevant.test(path)) return;
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending];
      pending = new Set();
      onChange(paths);
    }, debounceMs);
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return async () => {
    clearTimeout(timer);
    await watcher.close();
  };
}
