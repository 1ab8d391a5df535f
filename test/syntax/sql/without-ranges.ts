/** An AST without source ranges, for comparing a parse with the parse of its printout or a literal. */
export function withoutRanges(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutRanges);
  if (x && typeof x === 'object') {
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k]) => k !== 'range' && k !== 'nameRange')
        .map(([k, v]) => [k, withoutRanges(v)]),
    );
  }
  return x;
}
