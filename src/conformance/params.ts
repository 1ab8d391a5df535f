import type { ParamInfo } from '../template/index.js';
import type { QueryParams } from '../workspace/index.js';
import { stringFor } from './strings.js';
import { seededRng } from './values.js';

const DAY = 86_400_000;

/**
 * Request parameters for an endpoint run: nothing for parameters with a default, a plausible value
 * for the others (`all` false: only those declared `required=True`). Dates start 30 days back for
 * `start`/`from` names and end tomorrow for `end`/`to` names, so date filters keep the generated rows.
 */
export function sampleParams(params: readonly ParamInfo[], now: number, all: boolean): QueryParams {
  const out: Record<string, string> = {};
  for (const p of params) {
    // With `all`, even parameters with defaults: `{% if defined(date_from) %}` ignores a default.
    if (!all && ((p.default !== undefined && p.default !== null) || !p.required)) continue;
    out[p.name] = sampleValue(p, now);
  }
  return out;
}

function sampleValue(p: ParamInfo, now: number): string {
  if (p.enum?.[0] !== undefined) return p.enum[0];
  if (p.example !== undefined && p.example !== '') return p.example;
  const array = /^Array\((.+)\)$/.exec(p.type);
  if (array) return [scalar(array[1]!, p.name, now), scalar(array[1]!, p.name, now + DAY)].join(',');
  return scalar(p.type, p.name, now);
}

function scalar(type: string, name: string, now: number): string {
  const lower = name.toLowerCase();
  const when = /start|from|since|begin|min/.test(lower) ? now - 30 * DAY : /end|to$|until|max/.test(lower) ? now + DAY : now;
  const iso = new Date(when).toISOString();
  if (/^U?Int/.test(type)) return /limit|size|top|count|per_page/.test(lower) ? '10' : /offset|skip|page/.test(lower) ? '0' : '1';
  if (/^Float/.test(type)) return '1.5';
  if (type === 'Boolean' || type === 'Bool') return 'true';
  if (type === 'Date' || type === 'Date32') return iso.slice(0, 10);
  if (type.startsWith('DateTime')) return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  if (/date|day/.test(lower)) return iso.slice(0, 10);
  if (/time/.test(lower)) return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  return stringFor({ column: name, rng: seededRng(name), now });
}
