import type { CstElement, CstNode, IToken } from 'chevrotain';

/** Typed access to Chevrotain CST children. */

export function isToken(e: CstElement): e is IToken {
  return 'image' in e;
}

export function childTokens(node: CstNode, name: string): IToken[] {
  return (node.children[name] ?? []).filter(isToken);
}

export function childNodes(node: CstNode, name: string): CstNode[] {
  return (node.children[name] ?? []).filter((e): e is CstNode => !isToken(e));
}

/** Every token under a node, in source order. Recovery may insert virtual tokens; they are skipped. */
export function allTokens(node: CstNode): IToken[] {
  const out: IToken[] = [];
  const walk = (n: CstNode): void => {
    for (const list of Object.values(n.children)) {
      for (const e of list) {
        if (!isToken(e)) walk(e);
        else if (!Number.isNaN(e.startOffset) && !e.isInsertedInRecovery) out.push(e);
      }
    }
  };
  walk(node);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** Source-order children of a node, tokens and sub-nodes mixed. */
export function orderedChildren(node: CstNode): CstElement[] {
  const start = (e: CstElement): number => (isToken(e) ? e.startOffset : (allTokens(e)[0]?.startOffset ?? 0));
  return Object.values(node.children)
    .flat()
    .sort((a, b) => start(a) - start(b));
}
