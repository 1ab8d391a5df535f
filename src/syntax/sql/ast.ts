import type { Range } from '../../diagnostics/diagnostic.js';
import type { ChType } from '../../types/ast.js';

/**
 * The AST of ClickHouse SELECT statements as Tinybird pipes write them. Readonly plain objects with a
 * `kind` discriminant and the source `range`; parentheses leave no node (a tuple does).
 */
export type Query = Select | Union;

export interface Union {
  readonly kind: 'union';
  readonly members: readonly Query[];
  /** `ops[i]` joins members i and i+1. */
  readonly ops: readonly ('all' | 'distinct')[];
  readonly range: Range;
}

export interface Select {
  readonly kind: 'select';
  readonly with: readonly WithItem[];
  readonly distinct: boolean;
  readonly items: readonly Expr[];
  readonly from?: TableExpr;
  readonly prewhere?: Expr;
  readonly where?: Expr;
  readonly groupBy?: GroupBy;
  readonly having?: Expr;
  readonly orderBy: readonly OrderItem[];
  readonly limitBy?: Limit & { readonly by: readonly Expr[] };
  readonly limit?: Limit;
  readonly settings: readonly Setting[];
  readonly format?: string;
  readonly range: Range;
}

/** `WITH name AS (SELECT …)` is a CTE; ClickHouse's `WITH expr AS name` is an aliased expression. */
export type WithItem =
  | { readonly kind: 'cte'; readonly name: string; readonly query: Query; readonly range: Range }
  | { readonly kind: 'withExpr'; readonly expr: Expr; readonly range: Range };

export interface GroupBy {
  readonly all: boolean;
  readonly exprs: readonly Expr[];
  readonly modifiers: readonly ('rollup' | 'cube' | 'totals')[];
}

export interface Limit {
  readonly count: Expr;
  readonly offset?: Expr;
}

export interface Setting {
  readonly name: string;
  readonly value: Expr;
}

export interface OrderItem {
  readonly expr: Expr;
  readonly desc: boolean;
  readonly nulls?: 'first' | 'last';
  readonly collate?: string;
  readonly fill?: { readonly from?: Expr; readonly to?: Expr; readonly step?: Expr };
  readonly range: Range;
}

// ── FROM ─────────────────────────────────────────────────────────────────────────────────────────

export type TableExpr = TableRef | SubqueryTable | TableFunction | Join | ArrayJoin;

export interface TableModifiers {
  readonly alias?: string;
  readonly final: boolean;
  readonly sample?: { readonly ratio: Expr; readonly offset?: Expr };
}

export interface TableRef extends TableModifiers {
  readonly kind: 'table';
  /** `db.table` has two parts. */
  readonly parts: readonly string[];
  readonly range: Range;
}

export interface SubqueryTable extends TableModifiers {
  readonly kind: 'subqueryTable';
  readonly query: Query;
  readonly range: Range;
}

export interface TableFunction extends TableModifiers {
  readonly kind: 'tableFunction';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly range: Range;
}

export type JoinKind = 'inner' | 'left' | 'right' | 'full' | 'cross' | 'comma';
export type JoinStrictness = 'all' | 'any' | 'semi' | 'anti' | 'asof';

export interface Join {
  readonly kind: 'join';
  readonly joinKind: JoinKind;
  readonly strictness?: JoinStrictness;
  readonly global: boolean;
  readonly left: TableExpr;
  readonly right: TableExpr;
  readonly on?: Expr;
  readonly using?: readonly string[];
  readonly range: Range;
}

export interface ArrayJoin {
  readonly kind: 'arrayJoin';
  readonly leftJoin: boolean;
  readonly left: TableExpr;
  readonly items: readonly Expr[];
  readonly range: Range;
}

// ── Expressions ──────────────────────────────────────────────────────────────────────────────────

export type Expr =
  | Literal
  | ColumnRef
  | Star
  | Call
  | Binary
  | Unary
  | Between
  | InExpr
  | Like
  | IsNull
  | Case
  | Cast
  | Interval
  | ArrayLit
  | TupleLit
  | MapLit
  | Subscript
  | TupleAccess
  | Lambda
  | Ternary
  | Subquery
  | Alias;

export type ExprKind = Expr['kind'];

export interface Literal {
  readonly kind: 'literal';
  readonly value: string | number | bigint | boolean | null;
  /** The number as written (`0x1F`, `1e3`), so printing round-trips. */
  readonly text?: string;
  readonly range: Range;
}

export interface ColumnRef {
  readonly kind: 'column';
  /** `t.c` has parts ['t', 'c']. */
  readonly parts: readonly string[];
  readonly range: Range;
}

export interface Star {
  readonly kind: 'star';
  /** `t.*` has qualifier ['t']. */
  readonly qualifier: readonly string[];
  readonly except: readonly string[];
  /** `* REPLACE (expr AS col)`: these columns read the expression instead. */
  readonly replace: readonly { readonly name: string; readonly expr: Expr }[];
  readonly range: Range;
}

export interface WindowSpec {
  readonly name?: string;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly OrderItem[];
  readonly frame?: { readonly unit: 'rows' | 'range'; readonly start: FrameBound; readonly end?: FrameBound };
}

export type FrameBound =
  | { readonly kind: 'unbounded'; readonly direction: 'preceding' | 'following' }
  | { readonly kind: 'current' }
  | { readonly kind: 'offset'; readonly value: Expr; readonly direction: 'preceding' | 'following' };

export interface Call {
  readonly kind: 'call';
  readonly name: string;
  /** Parameters of a parametric aggregate: `quantile(0.9)(x)`; undefined when not parametric. */
  readonly params?: readonly Expr[];
  readonly args: readonly Expr[];
  readonly distinct: boolean;
  readonly over?: WindowSpec;
  /** Source range of the function name, where diagnostics about the function point. */
  readonly nameRange: Range;
  readonly range: Range;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '||' | '=' | '!=' | '<' | '>' | '<=' | '>=' | 'and' | 'or';

export interface Binary {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly range: Range;
}

export interface Unary {
  readonly kind: 'unary';
  readonly op: '-' | 'not';
  readonly operand: Expr;
  readonly range: Range;
}

export interface Between {
  readonly kind: 'between';
  readonly negated: boolean;
  readonly expr: Expr;
  readonly low: Expr;
  readonly high: Expr;
  readonly range: Range;
}

export interface InExpr {
  readonly kind: 'in';
  readonly negated: boolean;
  readonly global: boolean;
  readonly expr: Expr;
  /** A tuple, a subquery, an array, or a name of a table/CTE/node. */
  readonly target: Expr;
  readonly range: Range;
}

export interface Like {
  readonly kind: 'like';
  readonly negated: boolean;
  readonly caseInsensitive: boolean;
  readonly expr: Expr;
  readonly pattern: Expr;
  readonly range: Range;
}

export interface IsNull {
  readonly kind: 'isNull';
  readonly negated: boolean;
  readonly expr: Expr;
  readonly range: Range;
}

export interface Case {
  readonly kind: 'case';
  readonly operand?: Expr;
  readonly whens: readonly { readonly when: Expr; readonly result: Expr }[];
  readonly else?: Expr;
  readonly range: Range;
}

export interface Cast {
  readonly kind: 'cast';
  readonly expr: Expr;
  /** The type text as written (`Nullable(String)`), and its parse (undefined when invalid). */
  readonly typeText: string;
  readonly type?: ChType;
  /** How it was written, so printing round-trips: `CAST(x AS T)`, `CAST(x, 'T')`, `x::T`. */
  readonly syntax: 'as' | 'comma' | 'colons';
  readonly range: Range;
}

export interface Interval {
  readonly kind: 'interval';
  readonly value: Expr;
  /** Upper-case unit name: DAY, HOUR … (undefined for `INTERVAL '1 day'`). */
  readonly unit?: string;
  readonly range: Range;
}

export interface ArrayLit {
  readonly kind: 'array';
  readonly elements: readonly Expr[];
  readonly range: Range;
}

export interface TupleLit {
  readonly kind: 'tuple';
  readonly elements: readonly Expr[];
  readonly range: Range;
}

export interface MapLit {
  readonly kind: 'map';
  readonly entries: readonly { readonly key: Expr; readonly value: Expr }[];
  readonly range: Range;
}

export interface Subscript {
  readonly kind: 'subscript';
  readonly expr: Expr;
  readonly index: Expr;
  readonly range: Range;
}

export interface TupleAccess {
  readonly kind: 'tupleAccess';
  readonly expr: Expr;
  /** 1-based position. */
  readonly index: number;
  readonly range: Range;
}

export interface Lambda {
  readonly kind: 'lambda';
  readonly params: readonly string[];
  readonly body: Expr;
  readonly range: Range;
}

export interface Ternary {
  readonly kind: 'ternary';
  readonly cond: Expr;
  readonly ifTrue: Expr;
  readonly ifFalse: Expr;
  readonly range: Range;
}

export interface Subquery {
  readonly kind: 'subquery';
  readonly query: Query;
  readonly range: Range;
}

/** `expr AS name`, allowed anywhere in ClickHouse (the SELECT list, function arguments, WITH …). */
export interface Alias {
  readonly kind: 'alias';
  readonly expr: Expr;
  readonly name: string;
  readonly range: Range;
}

export type ChTypeOrUndefined = ChType | undefined;
