/**
 * `npm run bench -- <name> [options]`: runs one benchmark suite (src/bench/<name>.ts, which exports
 * `run(args)`). Each suite prints its figures, ratios against a baseline measured in the same run, and
 * ends with one line of JSON with the figures.
 */
const SUITES = ['ingest', 'endpoints'] as const;

async function main(argv: readonly string[]): Promise<void> {
  const [name, ...args] = argv;
  if (!name || !(SUITES as readonly string[]).includes(name)) {
    process.stderr.write(`usage: npm run bench -- <${SUITES.join('|')}> [options]\n`);
    process.exitCode = 2;
    return;
  }
  const suite = (await import(`./${name}.js`)) as { run(args: readonly string[]): Promise<void> };
  await suite.run(args);
}

void main(process.argv.slice(2));
