import { baseType, type ChType } from './ast.js';
import { isJsonEncoded } from './encoding.js';

/**
 * The default value of a ClickHouse type in the storage encoding: what a non-Nullable column holds
 * when nothing else is known (0, '', 1970-01-01, [] …). The function library's `typeDefault`
 * for SQL (LEFT JOIN defaults) builds on this one and adds the empty states of aggregate functions.
 */
export function typeDefault(type: ChType): number | string | null {
  const v = embedded(type);
  return isJsonEncoded(type) && v !== null ? JSON.stringify(v) : (v as number | string | null);
}

function embedded(t: ChType): unknown {
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
      // The value with the smallest number (UNCERTAIN: check ClickHouse's defaultValueOfTypeName).
      return [...b.values].sort((x, y) => x.value - y.value)[0]?.name ?? '';
    case 'array':
      return [];
    case 'map':
    case 'json':
      return {};
    case 'tuple':
      return b.elements.map((e) => embedded(e.type));
    case 'aggregate':
      return b.simple && b.args[0] ? embedded(b.args[0]) : null;
    case 'nothing':
    case 'nullable':
    case 'lowcardinality':
      return null;
  }
}
