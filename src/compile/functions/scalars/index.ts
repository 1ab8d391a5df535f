import type { FunctionDef } from '../types.js';
import { ARRAYS } from './arrays.js';
import { BITS } from './bits.js';
import { CONDITIONAL } from './conditional.js';
import { CONVERSION } from './conversion.js';
import { HASHES } from './hashes.js';
import { JSON_FUNCTIONS } from './json.js';
import { MATH } from './math.js';
import { MISC } from './misc.js';
import { OPERATORS } from './operators.js';
import { RANDOM_FUNCTIONS } from './random.js';
import { REGEX } from './regex.js';
import { STRINGS } from './strings.js';
import { STRINGS_EXTRA } from './strings-extra.js';
import { TUPLES } from './tuples.js';
import { URL } from './url.js';

export const SCALARS: readonly FunctionDef[] = [
  ...CONDITIONAL,
  ...MATH,
  ...OPERATORS,
  ...BITS,
  ...CONVERSION,
  ...STRINGS,
  ...STRINGS_EXTRA,
  ...REGEX,
  ...URL,
  ...JSON_FUNCTIONS,
  ...ARRAYS,
  ...MISC,
  ...TUPLES,
  ...RANDOM_FUNCTIONS,
  ...HASHES,
];
