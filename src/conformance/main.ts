import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCorpus } from './run-corpus.js';
import { jsonLine, renderText } from './render.js';

/**
 * `npm run conformance [-- --json] [-- --corpus DIR] [--rows N] [--only TEXT] [--top N] [--verbose]`:
 * loads, checks and runs every project of a corpus of real Tinybird projects, and reports how much of
 * it mk handles. With --json the output ends with one JSON line of the totals.
 */
async function main(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`${args}\nusage: npm run conformance -- [--json] [--corpus DIR] [--rows N] [--only TEXT] [--top N] [--verbose]\n`);
    process.exitCode = 2;
    return;
  }
  if (!existsSync(args.corpus)) {
    process.stderr.write(`corpus not found: ${args.corpus}\n`);
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  const reports = await runCorpus(args.corpus, { rows: args.rows, now: Date.now(), ...(args.only ? { only: args.only } : {}) });
  process.stdout.write(`mk conformance: ${args.corpus}, ${reports.length} projects, ${args.rows} generated rows per datasource\n\n`);
  process.stdout.write(`${renderText(reports, { topBlockers: args.top, verbose: args.verbose })}\n`);
  process.stdout.write(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (args.json) process.stdout.write(`${jsonLine(reports, args.top)}\n`);
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

void main(process.argv.slice(2));
