import { baseType, type ChType } from '../../types/ast.js';
import { parseAggName } from './aggregates/emit.js';
import { emptyResult } from './aggregates/udfs.js';
import { lookupAggregate } from './registry.js';

/**
 * The storage-encoded default value of a type: what ClickHouse puts in a LEFT JOIN's unmatched columns
 * and what an empty aggregate state holds. Nullable → null; numbers → 0; strings → ''; dates → epoch 0;
 * arrays → '[]'; maps → '{}'; tuples → JSON array of element defaults; states → the empty state's JSON.
 */
export function typeDefault(t: ChType): unknown {
  if (t.kind === 'nullable') return null;
  const b = baseType(t);
  switch (b.kind) {
    case 'int':
      return b.bits > 64 ? '0' : 0;
    case 'float':
    case 'decimal':
    case 'bool':
    case 'date':
    case 'date32':
    case 'datetime':
    case 'datetime64':
    case 'interval':
      return 0;
    case 'string':
      return '';
    case 'fixedstring':
      return '\0'.repeat(b.length);
    case 'uuid':
      return '00000000-0000-0000-0000-000000000000';
    case 'ipv4':
      return '0.0.0.0';
    case 'ipv6':
      return '::';
    case 'enum':
      // ClickHouse's default enum value is the one numbered lowest... unless 0 exists; mk takes the smallest.
      return [...b.values].sort((x, y) => x.value - y.value)[0]?.name ?? '';
    case 'array':
      return '[]';
    case 'map':
    case 'json':
      return '{}';
    case 'tuple':
      return JSON.stringify(b.elements.map((e) => jsonDefault(e.type)));
    case 'nothing':
      return null;
    case 'aggregate': {
      if (b.simple) return b.args[0] ? typeDefault(b.args[0]) : null;
      const { name, params } = parseAggName(b.fn);
      const agg = lookupAggregate(name);
      if (!agg) return 'null';
      const sel = {
        f: agg.def.impl,
        p: params.length ? params : (agg.def.defaultParams ?? []),
        ...(agg.combinators.includes('Distinct') ? { d: 1 as const } : {}),
      };
      return emptyResult(sel, 'state');
    }
    case 'nullable':
    case 'lowcardinality':
      return typeDefault(b);
  }
}

/** Element defaults inside JSON (nested arrays are JSON values, not text). */
function jsonDefault(t: ChType): unknown {
  const v = typeDefault(t);
  const k = baseType(t).kind;
  return typeof v === 'string' && (k === 'array' || k === 'map' || k === 'tuple' || k === 'json') ? JSON.parse(v) : v;
}
