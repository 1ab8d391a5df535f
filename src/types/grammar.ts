import { type CstNode, CstParser, createToken, type IToken, Lexer } from 'chevrotain';

/**
 * Chevrotain grammar for ClickHouse type expressions. It reads the generic shape
 * `Name(arg, …)` where an argument is a number, a string (`'a' = 1` for enums), or a nested type,
 * optionally preceded by a field name (`Tuple(a String)`); `parse.ts` gives the shape its meaning.
 */
const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });
const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*|`[^`]*`/ });
const NumberLit = createToken({ name: 'NumberLit', pattern: /-?\d+(\.\d+)?([eE][-+]?\d+)?/ });
const StringLit = createToken({ name: 'StringLit', pattern: /'(?:[^'\\]|\\.)*'/ });
const LParen = createToken({ name: 'LParen', pattern: /\(/ });
const RParen = createToken({ name: 'RParen', pattern: /\)/ });
const Comma = createToken({ name: 'Comma', pattern: /,/ });
const Equals = createToken({ name: 'Equals', pattern: /=/ });

const allTokens = [WhiteSpace, NumberLit, Identifier, StringLit, LParen, RParen, Comma, Equals];
export const typeLexer = new Lexer(allTokens, { positionTracking: 'onlyOffset' });

class TypeParser extends CstParser {
  constructor() {
    super(allTokens);
    this.performSelfAnalysis();
  }

  public typeExpr = this.RULE('typeExpr', () => {
    this.CONSUME(Identifier);
    this.OPTION(() => {
      this.CONSUME(LParen);
      this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.typeArg) });
      this.CONSUME(RParen);
    });
  });

  private typeArg = this.RULE('typeArg', () => {
    this.OR([
      { ALT: () => this.CONSUME(NumberLit) },
      {
        ALT: () => {
          this.CONSUME(StringLit);
          this.OPTION1(() => {
            this.CONSUME(Equals);
            this.CONSUME2(NumberLit);
          });
        },
      },
      {
        // `JSON(max_dynamic_paths = 4)`: a setting of the type, kept as text.
        GATE: () => this.LA(2).tokenType === Equals,
        ALT: () => {
          this.CONSUME(Identifier, { LABEL: 'settingName' });
          this.CONSUME2(Equals);
          this.OR2([
            { ALT: () => this.CONSUME3(NumberLit, { LABEL: 'settingValue' }) },
            { ALT: () => this.CONSUME2(StringLit, { LABEL: 'settingValue' }) },
          ]);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.typeExpr);
          // `Tuple(name Type)`: a field name followed by its type.
          this.OPTION2(() => this.SUBRULE2(this.typeExpr));
        },
      },
    ]);
  });
}

export const typeParser = new TypeParser();

/** Generic shape of a parsed type expression, before interpretation. */
export interface TypeShape {
  readonly name: string;
  readonly args: readonly TypeArgShape[] | undefined;
  readonly start: number;
  readonly end: number;
}

export type TypeArgShape =
  | { readonly kind: 'setting'; readonly name: string; readonly value: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string; readonly enumValue?: string }
  | { readonly kind: 'type'; readonly type: TypeShape; readonly fieldName?: string };

/** Converts the CST of `typeExpr` into a TypeShape. */
export function toShape(cst: CstNode): TypeShape {
  const ident = (cst.children.Identifier?.[0] as IToken | undefined)!;
  const args = cst.children.LParen ? ((cst.children.typeArg ?? []) as CstNode[]).map(toArgShape) : undefined;
  const close = cst.children.RParen?.[0] as IToken | undefined;
  const end = close ? close.startOffset + 1 : ident.startOffset + ident.image.length;
  return { name: unbacktick(ident.image), args, start: ident.startOffset, end };
}

function toArgShape(cst: CstNode): TypeArgShape {
  const c = cst.children;
  const setting = c.settingName?.[0] as IToken | undefined;
  if (setting) return { kind: 'setting', name: setting.image, value: (c.settingValue as IToken[])[0]!.image };
  const strTok = c.StringLit?.[0] as IToken | undefined;
  if (strTok) {
    const num = c.NumberLit?.[0] as IToken | undefined;
    return { kind: 'string', value: unquote(strTok.image), ...(num ? { enumValue: num.image } : {}) };
  }
  const numTok = c.NumberLit?.[0] as IToken | undefined;
  if (numTok) return { kind: 'number', text: numTok.image };
  const types = (c.typeExpr ?? []) as CstNode[];
  const first = toShape(types[0]!);
  if (types.length === 2) return { kind: 'type', type: toShape(types[1]!), fieldName: first.name };
  return { kind: 'type', type: first };
}

function unquote(s: string): string {
  return s.slice(1, -1).replace(/\\(.)/g, '$1');
}

function unbacktick(s: string): string {
  return s.startsWith('`') ? s.slice(1, -1) : s;
}
