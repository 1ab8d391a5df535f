#!/usr/bin/env bash
# The differential tests' ClickHouse: chdb (ClickHouse as a library), installed by `npm ci` from its npm
# packages (chdb + @chdb/lib-linux-x64-gnu, which ships libchdb.so; nothing is downloaded at install time).
# Nothing to start: it runs inside the test process. This checks it loads, so a broken install fails here
# with a clear message rather than as a test failure.
set -euo pipefail
cd "$(dirname "$0")/.."

node --input-type=module -e "
const { query } = await import('chdb');
console.log('ClickHouse (chdb) ' + query('SELECT version()', 'TSV').trim());
"
