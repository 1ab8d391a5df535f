import type { FunctionDef } from '../types.js';
import { ARRAYS } from './arrays.js';
import { CONDITIONAL } from './conditional.js';
import { CONVERSION } from './conversion.js';
import { JSON_FUNCTIONS } from './json.js';
import { MATH } from './math.js';
import { MISC } from './misc.js';
import { REGEX } from './regex.js';
import { STRINGS } from './strings.js';
import { URL } from './url.js';

export const SCALARS: readonly FunctionDef[] = [
  ...CONDITIONAL,
  ...MATH,
  ...CONVERSION,
  ...STRINGS,
  ...REGEX,
  ...URL,
  ...JSON_FUNCTIONS,
  ...ARRAYS,
  ...MISC,
];
