#!/usr/bin/env node
// Thin shim: the CLI lives in dist/cli/main.js (built by `npm run build`, or `prepare` on install).
import('../dist/cli/main.js').then((m) => m.main(process.argv));
