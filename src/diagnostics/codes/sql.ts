import type { CodeInfo } from './types.js';

/** MK4xxx: ClickHouse SQL in pipe nodes. MK40xx syntax, MK41xx names and types, MK42xx compilation. */
export const SQL_CODES = {
  MK4001: { title: 'SQL syntax error', hint: 'Check the SQL near the marked token' },
  MK4002: { title: 'Invalid type in a cast', hint: 'Write a ClickHouse type, e.g. CAST(x AS Nullable(String)) or x::Date' },
  MK4003: { title: 'Unexpected character in SQL' },
  MK4101: { title: 'Unknown column' },
  MK4102: { title: 'Unknown table', hint: 'Reference a datasource, a pipe, an earlier node of this pipe, or a CTE' },
  MK4103: { title: 'Unknown function' },
  MK4104: { title: 'Wrong number of arguments' },
  MK4106: { title: 'Circular reference between nodes or pipes' },
  MK4107: { title: 'Unknown output node' },
  MK4108: { title: 'Column not aggregated and not grouped' },
  MK4110: { title: 'Division by zero' },
  MK4109: { title: 'Array index 0', hint: 'Arrays are 1-based: the first element is arr[1], the last arr[-1]' },
  MK4111: { title: 'Illegal type for an operator or a filter' },
  MK4201: { title: 'SQL feature not supported by mk', hint: 'Rewrite the query without it, or run it on ClickHouse' },
  MK4202: { title: 'Function cannot be compiled' },
} satisfies Record<string, CodeInfo>;

export type SqlCode = keyof typeof SQL_CODES;
