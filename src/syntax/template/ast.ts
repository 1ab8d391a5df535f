import type { Range } from '../../diagnostics/diagnostic.js';

/**
 * The typed AST of Tinybird's Tornado-style template language (pipe node SQL that starts with `%`).
 * Plain readonly objects built from the Chevrotain CST by `to-ast.ts`; every node keeps its range.
 */

export interface Template {
  readonly kind: 'template';
  readonly body: readonly Chunk[];
  readonly range: Range;
  /** Line (as reported by `range`) of the node SQL's first line, so runtime errors can say `line N` like Tinybird. */
  readonly firstLine: number;
}

export type Chunk =
  | TextChunk
  | OutputChunk
  | IfChunk
  | ForChunk
  | WhileChunk
  | TryChunk
  | SetChunk
  | BreakChunk
  | ContinueChunk
  | WhitespaceChunk;

/** Raw SQL text, copied to the output unchanged (escapes like `{{!` already resolved). */
export interface TextChunk {
  readonly kind: 'text';
  readonly value: string;
  readonly range: Range;
}

/** `{{ expr }}`; `source` is the expression text as written, used in `expression "…" evaluated to null`. */
export interface OutputChunk {
  readonly kind: 'output';
  readonly expr: Expr;
  readonly source: string;
  readonly range: Range;
}

export interface IfBranch {
  readonly test: Expr;
  readonly body: readonly Chunk[];
  readonly range: Range;
}

/** `{% if %}…{% elif %}…{% else %}…{% end %}`. */
export interface IfChunk {
  readonly kind: 'if';
  readonly branches: readonly IfBranch[];
  readonly orelse?: readonly Chunk[];
  readonly range: Range;
}

/** `{% for a, b in expr %}…{% else %}…{% end %}` (Python for/else: else runs when the loop did not break). */
export interface ForChunk {
  readonly kind: 'for';
  readonly targets: readonly string[];
  readonly iter: Expr;
  readonly body: readonly Chunk[];
  readonly orelse?: readonly Chunk[];
  readonly range: Range;
}

export interface WhileChunk {
  readonly kind: 'while';
  readonly test: Expr;
  readonly body: readonly Chunk[];
  readonly orelse?: readonly Chunk[];
  readonly range: Range;
}

/** `{% try %}…{% except %}…{% finally %}…{% end %}`; except catches template errors only. */
export interface TryChunk {
  readonly kind: 'try';
  readonly body: readonly Chunk[];
  readonly handler?: readonly Chunk[];
  readonly orelse?: readonly Chunk[];
  readonly finalbody?: readonly Chunk[];
  readonly range: Range;
}

/** `{% set a = expr %}` or `{% set a, b = expr %}`. */
export interface SetChunk {
  readonly kind: 'set';
  readonly targets: readonly string[];
  readonly value: Expr;
  readonly range: Range;
}

export interface BreakChunk {
  readonly kind: 'break';
  readonly range: Range;
}

export interface ContinueChunk {
  readonly kind: 'continue';
  readonly range: Range;
}

/** `{% whitespace all|single|oneline %}`: how later raw text is compacted. */
export interface WhitespaceChunk {
  readonly kind: 'whitespace';
  readonly mode: 'all' | 'single' | 'oneline';
  readonly range: Range;
}

// ---------------------------------------------------------------------------------------------------------
// Expressions: the Python subset Tinybird allows.

export type Expr =
  | LiteralExpr
  | NameExpr
  | ListExpr
  | TupleExpr
  | DictExpr
  | CallExpr
  | MethodCallExpr
  | AttributeExpr
  | SubscriptExpr
  | BinaryExpr
  | CompareExpr
  | BoolOpExpr
  | UnaryExpr
  | ConditionalExpr;

/** Python literal. Ints are `bigint` (Python ints are unbounded; `toInt256(…)` needs it), floats `number`. */
export interface LiteralExpr {
  readonly kind: 'literal';
  readonly value: string | bigint | number | boolean | null;
  readonly range: Range;
}

export interface NameExpr {
  readonly kind: 'name';
  readonly name: string;
  readonly range: Range;
}

export interface ListExpr {
  readonly kind: 'list';
  readonly items: readonly Expr[];
  readonly range: Range;
}

export interface TupleExpr {
  readonly kind: 'tuple';
  readonly items: readonly Expr[];
  readonly range: Range;
}

export interface DictEntry {
  readonly key: Expr;
  readonly value: Expr;
}

export interface DictExpr {
  readonly kind: 'dict';
  readonly entries: readonly DictEntry[];
  readonly range: Range;
}

export interface KeywordArg {
  readonly name: string;
  readonly value: Expr;
  readonly range: Range;
}

/** `fn(a, b, k=v)`: only calls of a plain name exist in the language. */
export interface CallExpr {
  readonly kind: 'call';
  readonly callee: string;
  readonly calleeRange: Range;
  readonly args: readonly Expr[];
  readonly kwargs: readonly KeywordArg[];
  readonly range: Range;
}

/** `obj.method(args)`. */
export interface MethodCallExpr {
  readonly kind: 'method';
  readonly object: Expr;
  readonly method: string;
  readonly args: readonly Expr[];
  readonly kwargs: readonly KeywordArg[];
  readonly range: Range;
}

/** `obj.attr` (not called) or a call of something that is not a plain name; always rejected by the checks. */
export interface AttributeExpr {
  readonly kind: 'attribute';
  readonly object: Expr;
  readonly attr: string;
  readonly range: Range;
}

export interface SliceIndex {
  readonly kind: 'slice';
  readonly start?: Expr;
  readonly stop?: Expr;
  readonly range: Range;
}

export interface SubscriptExpr {
  readonly kind: 'subscript';
  readonly object: Expr;
  readonly index: Expr | SliceIndex;
  readonly range: Range;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '//' | '%' | '**';

export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly range: Range;
}

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'is' | 'is not';

/** Python chained comparison `a < b <= c`. */
export interface CompareExpr {
  readonly kind: 'compare';
  readonly first: Expr;
  readonly rest: readonly { readonly op: CompareOp; readonly right: Expr }[];
  readonly range: Range;
}

export interface BoolOpExpr {
  readonly kind: 'boolop';
  readonly op: 'and' | 'or';
  readonly left: Expr;
  readonly right: Expr;
  readonly range: Range;
}

export interface UnaryExpr {
  readonly kind: 'unary';
  readonly op: 'not' | '-' | '+';
  readonly operand: Expr;
  readonly range: Range;
}

/** `a if cond else b`. */
export interface ConditionalExpr {
  readonly kind: 'conditional';
  readonly test: Expr;
  readonly then: Expr;
  readonly orelse: Expr;
  readonly range: Range;
}
