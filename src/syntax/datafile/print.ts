import type {
  ColumnDef,
  ConnectionFile,
  Datafile,
  DatasourceFile,
  EngineDef,
  IncludeFile,
  IndexDef,
  NodeDef,
  PipeFile,
  Setting,
  TokenDecl,
  Value,
} from './ast.js';
import { allowsMultiline, substitutesEnv } from './keywords.js';
import { INDENT, renderInline, renderValue } from './print-value.js';

/** One blank-line-separated group of lines. */
type Section = readonly string[];

const PRINTERS: { [K in Datafile['kind']]: (df: Extract<Datafile, { kind: K }>) => Section[] } = {
  datasource: printDatasource,
  pipe: printPipe,
  connection: printConnection,
  include: printInclude,
};

/**
 * The canonical `mk fmt` form (spec §1.7): fixed section order, 4-space blocks, backticked column names,
 * one blank line between sections and exactly one trailing newline. Parsing the output gives back the
 * same AST (ranges aside), and printing is idempotent. Parse with an empty env to keep `$VAR`s as written.
 */
export function printDatafile(datafile: Datafile): string {
  const sections = (PRINTERS[datafile.kind] as (df: Datafile) => Section[])(datafile).filter((s) => s.length > 0);
  return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}

function printDatasource(ds: DatasourceFile): Section[] {
  return [
    ds.version ? setting('VERSION', ds.version) : [],
    ds.description ? description(ds.description) : [],
    ds.tokens.map(token),
    tags(ds.tags),
    ds.schemaRange || ds.schema.length > 0 ? ['SCHEMA >', ds.schema.map(column).join(',\n')].filter((l) => l !== '') : [],
    ds.indexes.length > 0 ? ['INDEXES >', ...ds.indexes.map(index)] : [],
    engine(ds.engine),
    ds.forwardQuery ? renderValue('FORWARD_QUERY', ds.forwardQuery.text, 'sql', true) : [],
    settings(ds.settings.filter((s) => s.key !== 'SHARED_WITH')),
    settings(ds.settings.filter((s) => s.key === 'SHARED_WITH')),
  ];
}

function printPipe(pipe: PipeFile): Section[] {
  return [
    pipe.version ? setting('VERSION', pipe.version) : [],
    pipe.description ? description(pipe.description) : [],
    pipe.tokens.map(token),
    tags(pipe.tags),
    settings(pipe.settings),
    ...pipe.nodes.flatMap(node),
  ];
}

function printConnection(c: ConnectionFile): Section[] {
  return [c.description ? description(c.description) : [], c.type ? setting('TYPE', c.type) : [], settings(c.settings)];
}

function printInclude(inc: IncludeFile): Section[] {
  return [...inc.settings.map((s) => setting(s.key, s.value)), ...inc.nodes.flatMap(node)];
}

function node(n: NodeDef): Section[] {
  const head = [line('NODE', n.name, { env: true }), ...(n.description ? description(n.description) : [])];
  const fields: string[] = [
    ...(n.type ? [`TYPE ${n.type}`] : []),
    ...optional('DATASOURCE', n.datasource),
    ...optional('TARGET_DATASOURCE', n.targetDatasource),
    ...optional('COPY_SCHEDULE', n.copySchedule),
    ...optional('COPY_MODE', n.copyMode),
    ...(n.engine ? engine(n.engine) : []),
    ...n.settings.flatMap((s) => setting(s.key, s.value)),
    ...n.tokens.map(token),
  ];
  return [head, n.sql ? renderValue('SQL', n.sql.text, 'sql', true) : [], fields];
}

function description(v: Value): string[] {
  return renderValue('DESCRIPTION', v.text, 'text', true);
}

function token(t: TokenDecl): string {
  const name = renderInline('', t.name, { quote: true })?.trimStart() ?? `"${t.name}"`;
  return `TOKEN ${name} ${t.permission}`;
}

function tags(list: readonly string[]): string[] {
  return list.length > 0 ? [line('TAGS', list.join(', '), { quote: true })] : [];
}

function column(c: ColumnDef): string {
  const parts = [`\`${c.name}\``, c.type, c.jsonPath !== undefined ? `\`json:${c.jsonPath}\`` : undefined];
  if (c.defaultExpr !== undefined) parts.push(`DEFAULT ${c.defaultExpr}`);
  parts.push(c.codec);
  return INDENT + parts.filter((p) => p !== undefined).join(' ');
}

function index(i: IndexDef): string {
  const granularity = i.granularity !== undefined ? ` GRANULARITY ${i.granularity}` : '';
  return `${INDENT}${i.name} ${i.expr} TYPE ${i.type}${granularity}`;
}

function engine(e: EngineDef): string[] {
  const params = Object.keys(e.params).sort();
  return [
    line('ENGINE', e.type, { quote: true, env: true }),
    ...params.flatMap((p) => {
      const v = e.params[p];
      return v ? renderValue(`ENGINE_${p.toUpperCase()}`, v.text, 'text', false, { quote: true, env: true }) : [];
    }),
  ];
}

function settings(list: readonly Setting[]): string[] {
  return list.flatMap((s) => setting(s.key, s.value));
}

function setting(key: string, v: Value): string[] {
  const lower = key.toLowerCase();
  return renderValue(key, v.text, 'text', v.multiline && allowsMultiline(lower), { env: substitutesEnv(lower) });
}

function optional(key: string, v: Value | undefined): string[] {
  return v ? setting(key, v) : [];
}

function line(keyword: string, text: string, options: { quote?: boolean; env?: boolean }): string {
  return renderInline(keyword, text, options) ?? `${keyword} "${text}"`;
}
