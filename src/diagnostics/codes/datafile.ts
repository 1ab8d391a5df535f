import type { CodeInfo } from './types.js';

/** Datafile syntax: the line structure, instructions, SCHEMA and INDEXES grammars (MK1xxx). */
export const DATAFILE_CODES = {
  MK1001: { title: 'Unknown instruction', hint: 'Instructions are the upper-case words at the start of a line, e.g. NODE, SQL, TYPE.' },
  MK1002: { title: 'SQL must be multiline', hint: 'Use > to start a multiline SQL block' },
  MK1003: { title: 'Instruction does not support multiline arguments', hint: 'Write the value on the same line as the instruction.' },
  MK1004: { title: 'Instruction must come after a NODE', hint: 'Add a NODE <name> line before it.' },
  MK1005: { title: 'SETTINGS is not allowed', hint: 'Use ENGINE_SETTINGS instead.' },
  MK1006: { title: 'Datasource files cannot have nodes', hint: 'Move the node into a .pipe file.' },
  MK1007: { title: 'Wrong number of TOKEN arguments', hint: 'Write TOKEN "name" READ (or APPEND in datasources).' },
  MK1008: { title: 'Invalid TOKEN permission', hint: 'Pipes accept READ; datasources accept READ and APPEND.' },
  MK1009: { title: 'VERSION is not a non-negative integer', hint: 'Write VERSION 1, or remove the line (Forward ignores it).' },
  MK1010: { title: 'Missing value', hint: 'Write the value on the same line, after the instruction.' },
  MK1011: { title: 'Value not allowed for this instruction' },
  MK1012: { title: 'Deprecated instruction' },
  MK1013: { title: 'SHARED_WITH needs a workspace', hint: 'List at least one workspace name, one per line or comma separated.' },
  MK1014: { title: 'SCHEMA is mandatory', hint: 'Add a SCHEMA > block with one column per line.' },
  MK1015: { title: 'Empty SQL block', hint: 'Write the query indented under SQL >.' },
  MK1016: { title: 'No closing quotation', hint: 'Close the quote, or use a > block for free text.' },
  MK1017: { title: 'INCLUDE file not found', hint: 'The path is relative to the including file.' },
  MK1018: { title: 'Invalid JSON value', hint: 'The value must be valid JSON (or contain a {{ tb_secret(...) }}).' },
  MK1019: { title: 'Indented instruction ends a SCHEMA or INDEXES block', hint: 'Start instruction lines at column 1.' },

  MK1101: { title: 'Boolean type is not supported', hint: 'use Bool or UInt8 instead' },
  MK1102: { title: 'DateTime64 type without precision is not supported', hint: 'use DateTime64(3) instead' },
  MK1103: { title: 'Precision is mandatory for Int and UInt types', hint: 'use one of Int8, Int16, Int32, Int64, Int128, Int256' },
  MK1104: { title: 'NULL / NOT NULL column syntax not supported', hint: 'use Nullable(...)' },
  MK1105: { title: 'Column modifier not supported', hint: 'Only a type, DEFAULT, CODEC and a `json:` path are allowed.' },
  MK1106: { title: 'INDEX in SCHEMA', hint: 'Indexes are not allowed in SCHEMA section. Use the INDEXES section instead' },
  MK1107: { title: 'Column name contains an invalid character', hint: 'use backticks' },
  MK1108: { title: 'Column name and either type or DEFAULT are required', hint: 'Write `name` Type, e.g. `user_id` String.' },
  MK1109: {
    title: 'Invalid SCHEMA syntax',
    hint: 'Columns are `name` Type [`json:$.path`] [DEFAULT expr] [CODEC(...)], separated by commas.',
  },
  MK1110: { title: 'Missing comma between columns', hint: 'End every column but the last with a comma.' },

  MK1120: { title: 'Invalid INDEX syntax', hint: 'Usage: `[INDEX] name expr TYPE type_full GRANULARITY granularity`' },
} satisfies Record<string, CodeInfo>;
