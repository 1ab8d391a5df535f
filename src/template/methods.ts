import { arg, bind, type CallArgs } from './call.js';
import { TemplateError } from './errors.js';
import { asInt, asStr, dictKey, isDict, isPlaceholder, isTuple, placeholder, pyIter, typeName, type Value } from './values.js';

/** The value methods templates may call: split, get, join, replace, startswith, endswith. */

function receiverStr(v: Value, method: string): string {
  const s = asStr(v);
  if (s === undefined) throw new TemplateError(`'${typeName(v)}' object has no attribute '${method}'`);
  return s;
}

function pySplit(s: string, sep: Value, maxsplit: number): string[] {
  if (sep === null) {
    const parts = s
      .trim()
      .split(/\s+/)
      .filter((p) => p !== '');
    if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
    // Re-split keeping the remainder intact after `maxsplit` cuts.
    const out: string[] = [];
    let rest = s.replace(/^\s+/, '');
    for (let i = 0; i < maxsplit; i++) {
      const m = /\s+/.exec(rest);
      if (!m) break;
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    return [...out, rest];
  }
  const sepStr = asStr(sep);
  if (sepStr === undefined) throw new TemplateError(`must be str or None, not ${typeName(sep)}`);
  if (sepStr === '') throw new TemplateError('empty separator');
  const parts = s.split(sepStr);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sepStr)];
}

function affix(kind: 'startswith' | 'endswith', recv: Value, args: CallArgs): Value {
  if (isPlaceholder(recv)) return false;
  const s = receiverStr(recv, kind);
  const b = bind(kind, args, ['prefix']);
  const p = arg(b, 'prefix');
  const options = isTuple(p) ? p.items : [p];
  return options.some((o) => {
    const t = asStr(o);
    if (t === undefined) throw new TemplateError(`${kind} first arg must be str or a tuple of str, not ${typeName(o)}`);
    return kind === 'startswith' ? s.startsWith(t) : s.endsWith(t);
  });
}

/** Calls `recv.method(args)` with Python semantics. */
export function callMethod(recv: Value, method: string, args: CallArgs): Value {
  switch (method) {
    case 'split': {
      if (isPlaceholder(recv)) return [placeholder(recv.name), placeholder(recv.name)];
      const b = bind('split', args, ['sep', 'maxsplit'], 0);
      return pySplit(receiverStr(recv, 'split'), arg(b, 'sep'), Number(asInt(arg(b, 'maxsplit', -1n)) ?? -1n));
    }
    case 'get': {
      if (typeof recv === 'string') {
        throw new TemplateError(
          "Template Syntax Error: 'str' object has no attribute 'get'. Make sure you're using an object/dictionary where trying to use .get()",
        );
      }
      if (!isDict(recv)) throw new TemplateError(`'${typeName(recv)}' object has no attribute 'get'`);
      const b = bind('get', args, ['key', 'default']);
      return recv.entries.get(dictKey(arg(b, 'key')))?.[1] ?? arg(b, 'default');
    }
    case 'join': {
      const sep = receiverStr(recv, 'join');
      const b = bind('join', args, ['iterable']);
      const items = pyIter(arg(b, 'iterable')).map((x, i) => {
        const s = asStr(x);
        if (s === undefined) throw new TemplateError(`sequence item ${i}: expected str instance, ${typeName(x)} found`);
        return s;
      });
      return items.join(sep);
    }
    case 'replace': {
      const s = receiverStr(recv, 'replace');
      const b = bind('replace', args, ['old', 'new', 'count'], 2);
      const old = asStr(arg(b, 'old'));
      const rep = asStr(arg(b, 'new'));
      if (old === undefined || rep === undefined) throw new TemplateError('replace() argument must be str');
      const count = Number(asInt(arg(b, 'count', -1n)) ?? -1n);
      const parts = s.split(old);
      if (count < 0 || parts.length - 1 <= count) return parts.join(rep);
      return parts.slice(0, count + 1).join(rep) + old + parts.slice(count + 1).join(old);
    }
    case 'startswith':
    case 'endswith':
      return affix(method, recv, args);
    default:
      throw new TemplateError(`'${typeName(recv)}' object has no attribute '${method}'`);
  }
}
