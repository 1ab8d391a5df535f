import { udf } from '../udf/registry.js';

/** Structural array operations on JSON text, in JS: `ch_array_op('distinct', arr)`, `ch_array_op('slice', arr, 2, 3)` … */
export const ARRAY_OP = udf('ch_array_op', (op: string, ...args: unknown[]) => {
  const arr = (i: number): unknown[] => (typeof args[i] === 'string' ? (JSON.parse(args[i] as string) as unknown[]) : []);
  const key = (v: unknown) => JSON.stringify(v);
  switch (op) {
    case 'distinct': {
      const seen = new Set<string>();
      return JSON.stringify(arr(0).filter((v) => !seen.has(key(v)) && !!seen.add(key(v))));
    }
    case 'sort':
    case 'reverseSort': {
      const out = [...arr(0)].sort((a, b) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : (a as number) < (b as number) ? -1 : 1));
      return JSON.stringify(op === 'sort' ? out : out.reverse());
    }
    case 'reverse':
      return JSON.stringify([...arr(0)].reverse());
    case 'concat':
      return JSON.stringify(args.flatMap((_a, i) => arr(i)));
    case 'intersect': {
      const rest = args.slice(1).map((_a, i) => new Set(arr(i + 1).map(key)));
      const seen = new Set<string>();
      return JSON.stringify(arr(0).filter((v) => rest.every((r) => r.has(key(v))) && !seen.has(key(v)) && !!seen.add(key(v))));
    }
    case 'flatten': {
      const flat = (xs: unknown[]): unknown[] => xs.flatMap((x) => (Array.isArray(x) ? flat(x) : [x]));
      return JSON.stringify(flat(arr(0)));
    }
    case 'slice': {
      const a = arr(0);
      const off = Number(args[1]);
      const start = off > 0 ? off - 1 : off < 0 ? Math.max(0, a.length + off) : a.length;
      const len = args[2] === undefined || args[2] === null ? undefined : Number(args[2]);
      const end = len === undefined ? a.length : len < 0 ? a.length + len : start + len;
      return JSON.stringify(a.slice(start, Math.max(start, end)));
    }
    case 'enumerate':
      return JSON.stringify(arr(0).map((_v, i) => i + 1));
    case 'zip':
      return JSON.stringify(arr(0).map((_v, i) => args.map((_a, j) => arr(j)[i])));
    case 'uniq':
      return new Set(arr(0).map(key)).size;
    case 'compact':
      return JSON.stringify(arr(0).filter((v, i, all) => i === 0 || key(v) !== key(all[i - 1])));
    case 'pushBack':
      return JSON.stringify([...arr(0), args[1]]);
    case 'pushFront':
      return JSON.stringify([args[1], ...arr(0)]);
    case 'popBack':
      return JSON.stringify(arr(0).slice(0, -1));
    case 'popFront':
      return JSON.stringify(arr(0).slice(1));
    case 'range': {
      const [start, end, step] = args.length === 1 ? [0, Number(args[0]), 1] : [Number(args[0]), Number(args[1]), Number(args[2] ?? 1)];
      const out: number[] = [];
      for (let v = start; step > 0 ? v < end : v > end; v += step) out.push(v);
      return JSON.stringify(out);
    }
    case 'withConstant':
      return JSON.stringify(Array.from({ length: Number(args[0]) }, () => args[1]));
    case 'stringConcat':
      return arr(0)
        .map((v) => (v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v)))
        .join(args[1] === undefined ? '' : String(args[1]));
    default:
      throw new Error(`mk: unknown array op ${op}`);
  }
});
