import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { jsonLine, renderText } from './render.js';
import { runCorpus } from './run-corpus.js';

/**
 * `npm run conformance [-- --json] [-- --corpus DIR] [--rows N] [--only TEXT] [--top N] [--verbose]`:
 * loads, checks and runs every project of a corpus of real Tinybird projects, and reports how much of
 * it mk handles. With --json the output ends with one JSON line of the totals.
 */
export async function runConformance(
  argv: readonly string[],
  write: (text: string) => void,
  writeError: (text: string) => void,
): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    writeError(`${args}\nusage: npm run conformance -- [--json] [--corpus DIR] [--rows N] [--only TEXT] [--top N] [--verbose]\n`);
    return 2;
  }
  if (!existsSync(args.corpus)) {
    writeError(`corpus not found: ${args.corpus}\n`);
    return 2;
  }
  const started = Date.now();
  const reports = await runCorpus(args.corpus, { rows: args.rows, now: Date.now(), ...(args.only ? { only: args.only } : {}) });
  write(`mk conformance: ${args.corpus}, ${reports.length} projects, ${args.rows} generated rows per datasource\n\n`);
  write(`${renderText(reports, { topBlockers: args.top, verbose: args.verbose })}\n`);
  write(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (args.json) write(`${jsonLine(reports, args.top)}\n`);
  return 0;
}

interface Args {
  json: boolean;
  verbose: boolean;
  corpus: string;
  rows: number;
  top: number;
  only?: string;
}

function parseArgs(argv: readonly string[]): Args | string {
  const args: Args = { json: false, verbose: false, corpus: resolve(import.meta.dirname, '../../../shared/corpus'), rows: 50, top: 20 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = () => argv[++i] ?? '';
    if (flag === '--json') args.json = true;
    else if (flag === '--verbose') args.verbose = true;
    else if (flag === '--corpus') args.corpus = resolve(value());
    else if (flag === '--only') args.only = value();
    else if (flag === '--rows' || flag === '--top') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) return `${flag} needs a whole number`;
      args[flag === '--rows' ? 'rows' : 'top'] = n;
    } else return `unknown option: ${flag}`;
  }
  return args;
}

// Run only as the entry point, so tests can import runConformance.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runConformance(
    process.argv.slice(2),
    (t) => process.stdout.write(t),
    (t) => process.stderr.write(t),
  ).then((code) => {
    process.exitCode = code;
  });
}
