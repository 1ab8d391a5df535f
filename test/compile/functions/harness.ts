import Database from 'better-sqlite3';
import { emitCall, lookupFunction, registerFunctions } from '../../../src/compile/functions/index.js';
import type { CallInfo, EmitContext, EmittedArg } from '../../../src/compile/functions/types.js';
import { type ChType, mustParseType } from '../../../src/types/index.js';

/** One in-memory SQLite with mk's UDFs, shared by a test file. */
export function openDb(): Database.Database {
  const db = new Database(':memory:');
  registerFunctions(db);
  return db;
}

export const ty = (text: string): ChType => mustParseType(text);

/** A constant argument: a SQL literal with its ClickHouse type and folded value. */
export function lit(value: string | number | boolean | null, type: string): EmittedArg {
  const sql =
    value === null
      ? 'NULL'
      : typeof value === 'string'
        ? `'${value.replace(/'/g, "''")}'`
        : typeof value === 'boolean'
          ? value
            ? '1'
            : '0'
          : String(value);
  return { sql, type: ty(type), constant: value };
}

/** A column (or any SQL) argument. */
export const col = (sql: string, type: string): EmittedArg => ({ sql, type: ty(type) });

export function ctx(params: unknown[] = []): EmitContext {
  return {
    bind: (v) => {
      params.push(v);
      return '?';
    },
    fail: (m) => {
      throw new Error(m);
    },
  };
}

/** Compiles `name(args)` and returns {sql, type}. */
export function compile(name: string, args: EmittedArg[], extra: Partial<CallInfo> = {}) {
  const r = lookupFunction(name);
  if (!r) throw new Error(`unknown function ${name}`);
  const params: unknown[] = [];
  const out = emitCall(r, { params: [], args, ...extra }, ctx(params));
  return { ...out, params };
}

/** Evaluates a scalar call: `SELECT <sql>`. */
export function evalScalar(db: Database.Database, name: string, args: EmittedArg[], extra: Partial<CallInfo> = {}): unknown {
  const c = compile(name, args, extra);
  return (db.prepare(`SELECT ${c.sql} AS r`).get(...c.params) as { r: unknown }).r;
}

/** Evaluates an aggregate over rows of table t(cols): `SELECT <sql> FROM t`. */
export function evalAgg(db: Database.Database, name: string, args: EmittedArg[], from = 't', extra: Partial<CallInfo> = {}): unknown {
  const c = compile(name, args, extra);
  return (db.prepare(`SELECT ${c.sql} AS r FROM ${from}`).get(...c.params) as { r: unknown }).r;
}

/** Creates table `name` with the given columns and rows. */
export function table(db: Database.Database, name: string, cols: string[], rows: unknown[][]): void {
  db.exec(`DROP TABLE IF EXISTS ${name}; CREATE TABLE ${name} (${cols.join(', ')})`);
  const ins = db.prepare(`INSERT INTO ${name} VALUES (${cols.map(() => '?').join(', ')})`);
  for (const r of rows) ins.run(...r);
}
