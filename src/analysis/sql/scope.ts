import type { Expr } from '../../syntax/sql/ast.js';
import type { ChType } from '../../types/ast.js';
import type { CatalogColumn } from './catalog.js';
import { didYouMean } from './suggest.js';

/** A row source visible in a SELECT: a table, a node, a CTE, a subquery or an ARRAY JOIN. */
export interface Relation {
  /** Names that qualify its columns (`e` in `events AS e`; the table name when there is no alias). */
  readonly qualifiers: readonly string[];
  /** The alias the emitted SQL gives it. */
  readonly sqlAlias: string;
  readonly columns: readonly CatalogColumn[];
  /** True on the NULL-extended side of an outer join: unmatched rows read the type's default. */
  outerJoined: boolean;
  /** Columns `SELECT *` leaves out (the right side's USING columns). */
  readonly hidden: Set<string>;
  /**
   * Its columns are not fully known: an unknown table, or a node that failed to compile. A name it might
   * have held is not reported again: the error that made it incomplete was.
   */
  readonly incomplete?: boolean;
}

/** What a name stands for. */
export type Binding =
  | { readonly kind: 'column'; readonly relation: Relation; readonly column: CatalogColumn }
  | { readonly kind: 'alias'; readonly name: string; readonly expr: Expr; readonly scope: Scope }
  | { readonly kind: 'value'; readonly sql: string; readonly type: ChType };

export type Lookup =
  | { readonly ok: true; readonly binding: Binding }
  | { readonly ok: false; readonly message: string; readonly code: 'MK4101' };

/**
 * Name resolution for one SELECT level, ClickHouse's way: aliases are visible everywhere at their level
 * (the SELECT list included) and win over columns, except inside their own definition; WITH aliases
 * reach into subqueries; lambda scopes see everything their parent sees.
 */
export class Scope {
  readonly relations: Relation[] = [];
  /** SELECT-list and inline `expr AS name` aliases of this level. */
  readonly aliases = new Map<string, Expr>();
  /** `WITH expr AS name`: inherited by nested subqueries. */
  readonly withAliases = new Map<string, Expr>();
  /** Lambda parameters and ARRAY JOIN names: SQL fragments standing for a value. */
  readonly values = new Map<string, { sql: string; type: ChType }>();
  /** Aliases being expanded: a name inside its own definition is the column (`toDate(d) AS d`). */
  readonly expanding = new Set<string>();

  constructor(
    readonly parent?: Scope,
    readonly kind: 'query' | 'lambda' = 'query',
  ) {}

  /** Resolves a column reference written as `parts` (`c`, `t.c`, `db.t.c`). */
  lookup(parts: readonly string[]): Lookup {
    const found = this.find(parts);
    if (found) return found;
    const name = parts.join('.');
    return {
      ok: false,
      code: 'MK4101',
      message: `Unknown column '${name}'.${didYouMean(parts[parts.length - 1]!, this.candidates())}`.replace(/\.$/, ''),
    };
  }

  private find(parts: readonly string[]): Lookup | undefined {
    const name = parts[parts.length - 1]!;
    if (parts.length === 1) {
      const value = this.values.get(name);
      if (value) return ok({ kind: 'value', ...value });
      const alias = this.aliases.get(name);
      if (alias && !this.expanding.has(name)) return ok({ kind: 'alias', name, expr: alias, scope: this });
      const own = this.withAliases.get(name);
      if (own && !this.expanding.has(name)) return ok({ kind: 'alias', name, expr: own, scope: this });
      const cols = this.relations.flatMap((r) => r.columns.filter((c) => c.name === name).map((column) => ({ relation: r, column })));
      const visible = cols.filter((c) => !c.relation.hidden.has(name));
      const pick = visible.length ? visible : cols;
      // Like ClickHouse, a name in several joined tables is the leftmost table's; the others need a qualifier.
      const left = pick[0];
      if (left) return ok({ kind: 'column', ...left });
      const dotted = this.relations.flatMap((r) =>
        r.columns.filter((c) => c.name === parts.join('.')).map((column) => ({ relation: r, column })),
      );
      if (dotted[0]) return ok({ kind: 'column', ...dotted[0] });
    } else {
      const qualifier = parts.slice(0, -1).join('.');
      // An alias wins over a table's own name: `FROM a AS b JOIN b AS a`.
      const rel = this.relations.find((r) => r.qualifiers[0] === qualifier) ?? this.relations.find((r) => r.qualifiers.includes(qualifier));
      if (rel) {
        const column = rel.columns.find((c) => c.name === name);
        if (column) return ok({ kind: 'column', relation: rel, column });
        return {
          ok: false,
          code: 'MK4101',
          message: `Unknown column '${name}' in ${qualifier}.${didYouMean(
            name,
            rel.columns.map((c) => c.name),
          )}`.replace(/\.$/, ''),
        };
      }
      // A column whose name has a dot (Nested subcolumns are stored as `n.x`).
      const whole = parts.join('.');
      for (const r of this.relations) {
        const column = r.columns.find((c) => c.name === whole);
        if (column) return ok({ kind: 'column', relation: r, column });
      }
    }
    if (parts.length === 1) {
      for (let s: Scope | undefined = this; s; s = s.parent) {
        const w = s.withAliases.get(name);
        if (w && !s.expanding.has(name)) return ok({ kind: 'alias', name, expr: w, scope: s });
      }
    }
    if (this.kind === 'lambda' && this.parent) return this.parent.find(parts);
    return undefined;
  }

  /** True when a relation visible here is incomplete, so an unknown name may be an echo of an earlier error. */
  seesIncomplete(): boolean {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.relations.some((r) => r.incomplete)) return true;
    return false;
  }

  /** Every name visible here, for suggestions. */
  candidates(): string[] {
    const names = [...this.values.keys(), ...this.aliases.keys(), ...this.relations.flatMap((r) => r.columns.map((c) => c.name))];
    for (let s: Scope | undefined = this; s; s = s.parent) names.push(...s.withAliases.keys());
    if (this.kind === 'lambda' && this.parent) names.push(...this.parent.candidates());
    return names;
  }
}

function ok(binding: Binding): Lookup {
  return { ok: true, binding };
}
