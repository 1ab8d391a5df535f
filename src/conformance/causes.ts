/**
 * Groups failure messages by cause, so the blocker list counts "Unknown function 'joinGet'" once per
 * pipe whatever the pipe. Names that identify the fix (functions, tokens) stay in the key; names that
 * only identify the project (tables, columns) move to the examples.
 */
export function causeOf(message: string): string {
  let m = message.trim();
  // Stage prefixes and wrappers: the root cause is what a fix must address.
  for (let again = true; again; ) {
    const before = m;
    m = m
      .replace(/^(check|build|query|insert|build crash): /, '')
      .replace(/^reads \S+, which failed: /, '')
      .replace(/^materialized view failed on insert into \S+: /, '')
      .replace(/^Materialized view over '[^']*' failed: /, '')
      .replace(/^\[Error\] /, '');
    again = m !== before;
  }
  for (const [re, key] of RULES) {
    const hit = re.exec(m);
    if (hit) return typeof key === 'string' ? key : key(hit);
  }
  return m
    .replace(/'[^']*'/g, "'…'")
    .replace(/\b\d+\b/g, 'N')
    .slice(0, 120);
}

type Rule = readonly [RegExp, string | ((m: RegExpExecArray) => string)];

const RULES: readonly Rule[] = [
  [/^external: (.*)/, (m) => `external: ${m[1]}`],
  [/^crash: (.*)/, (m) => `crash: ${m[1]!.replace(/'[^']*'/g, "'…'").slice(0, 100)}`],
  [/Unknown function '([^']+)'/, (m) => `Unknown function '${m[1]}'`],
  [/Unexpected '([^']*)'/, (m) => `SQL syntax: unexpected '${m[1]}'`],
  [/Unknown table '[^'.]+\.[^']+'/, 'Unknown table: qualified name (other database or shared workspace)'],
  [/Unknown table '/, 'Unknown table (not in the project)'],
  [
    /Unknown column '__(timestamp|offset|partition|topic|key|value|headers)'/,
    'Unknown column: Kafka meta column (__timestamp, __offset …) not implied on Kafka datasources',
  ],
  [
    /Unknown column '(SECOND|MINUTE|HOUR|DAY|WEEK|MONTH|QUARTER|YEAR)'/i,
    'Unknown column: a date unit written as a bare word (dateDiff(SECOND, …), INTERVAL …)',
  ],
  [/Unknown column '[^']+\.[^']+'/, 'Unknown column: qualified name (table.column, node.column, tuple or JSON subcolumn)'],
  [/Unknown column '[^']+' in /, 'Unknown column of a joined table or alias'],
  [/Unknown column '/, 'Unknown column (plain name)'],
  [/reads no datasource/, 'Materialized view reads no datasource directly (its FROM is a pipe), so no insert triggers it'],
  [/is defined by both/, 'Two datafiles define the same resource name'],
  [/cannot compile re2/, 'Regex: RE2 pattern the JS translation rejects'],
  [/^(\w+) takes (\d+) arguments?, got (\d+)/, (m) => `${m[1]} takes ${m[2]} arguments, got ${m[3]}`],
  [/^(\w+) expects ([\d.]+) arguments, got (\d+)/, (m) => `${m[1]} expects ${m[2]} arguments, got ${m[3]}`],
  [/^data: view wrote no rows/, 'data: view kept none of the generated rows'],
  [
    /^data: no rows reached trigger \S+ \((not generated: AggregateFunction)/,
    'data: trigger not generated (AggregateFunction states only come from views)',
  ],
  [
    /^data: no rows reached trigger \S+ \(quarantined: (.*)\)$/,
    (m) => `data: generated rows quarantined: ${m[1]!.replace(/'[^']*'/g, "'…'").slice(0, 80)}`,
  ],
  [/^data: /, 'data: no rows reached the trigger datasource'],
  [/^Cannot parse (\w+)/, (m) => `Cannot parse ${m[1]} (generated value rejected at run time)`],
  [/Template Syntax Error: (.*)/, (m) => `Template: ${m[1]!.replace(/'[^']*'/g, "'…'").slice(0, 100)}`],
  [/is not a valid option in pipe files/, 'Datafile: invalid instruction (Tinybird rejects it too)'],
];
