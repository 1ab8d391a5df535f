import { T } from '../../../types/ast.js';
import { scalar } from '../define.js';
import type { EmittedArg, FunctionDef } from '../types.js';
import { udf } from '../udf/registry.js';

/** A URL split the way ClickHouse's URL functions see it (no validation, no decoding). */
interface Parts {
  readonly protocol: string;
  readonly host: string;
  readonly port: string;
  /** from the first `/` after the host up to `?` or `#` */
  readonly path: string;
  readonly query: string;
  readonly fragment: string;
  /** `protocol://host[:port]` (or `//host`) */
  readonly origin: string;
}

function split(url: string): Parts {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url);
  let rest = url;
  let protocol = '';
  let prefix = '';
  if (scheme) {
    protocol = scheme[1] as string;
    prefix = scheme[0];
    rest = url.slice(prefix.length);
  } else if (url.startsWith('//')) {
    prefix = '//';
    rest = url.slice(2);
  } else if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) && !/^[^:]+:\d/.test(url)) {
    // mailto:x@y and the like have no host.
    return { protocol: url.slice(0, url.indexOf(':')), host: '', port: '', path: '', query: '', fragment: '', origin: '' };
  }
  const hostEnd = rest.search(/[/?#]/);
  const authority = hostEnd < 0 ? rest : rest.slice(0, hostEnd);
  const tail = hostEnd < 0 ? '' : rest.slice(hostEnd);
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const colon = hostPort.lastIndexOf(':');
  const host = colon >= 0 && !hostPort.includes(']', colon) ? hostPort.slice(0, colon) : hostPort;
  const port = colon >= 0 ? hostPort.slice(colon + 1) : '';
  const hash = tail.indexOf('#');
  const beforeHash = hash < 0 ? tail : tail.slice(0, hash);
  const q = beforeHash.indexOf('?');
  return {
    protocol,
    host,
    port,
    path: q < 0 ? beforeHash : beforeHash.slice(0, q),
    query: q < 0 ? '' : beforeHash.slice(q + 1),
    fragment: hash < 0 ? '' : tail.slice(hash + 1),
    origin: prefix + authority,
  };
}

/** Parameter values are found in the query string and, as ClickHouse does, also in the fragment. */
function params(url: string): [string, string][] {
  const p = split(url);
  const text = [p.query, p.fragment.includes('=') ? p.fragment : ''].filter(Boolean).join('&');
  if (!text) return [];
  return text.split('&').map((kv) => {
    const eq = kv.indexOf('=');
    return eq < 0 ? [kv, ''] : [kv.slice(0, eq), kv.slice(eq + 1)];
  });
}

const formDecode = (s: string) => {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
};

const URL_PART = udf('ch_url', (url: string, part: string) => {
  const u = String(url);
  const p = split(u);
  switch (part) {
    case 'protocol':
      return p.protocol;
    case 'domain':
      return p.host;
    case 'domainWithoutWWW':
      return p.host.replace(/^www\./, '');
    case 'topLevelDomain':
      return /\.([^.]+)$/.exec(p.host)?.[1] ?? '';
    case 'port':
      return Number(p.port) || 0;
    case 'path':
      return p.path;
    case 'pathFull':
      return u.slice(p.origin.length) || '';
    case 'queryString':
      return p.query;
    case 'fragment':
      return p.fragment;
    case 'cutQueryString':
      return p.query ? u.replace(`?${p.query}`, '') : u.replace(/\?(?=#|$)/, '');
    case 'cutFragment':
      return u.replace(/#.*$/s, '');
    case 'cutQueryStringAndFragment':
      return u.replace(/[?#].*$/s, '');
    case 'cutWWW':
      return u.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)?www\./, '$1');
    case 'extractURLParameters':
      return JSON.stringify(params(u).map(([k, v]) => (v === '' && !u.includes(`${k}=`) ? k : `${k}=${v}`)));
    case 'extractURLParameterNames':
      return JSON.stringify(params(u).map(([k]) => k));
    case 'URLHierarchy': {
      if (!p.origin) return '[]';
      const out = new Set<string>();
      for (let i = p.origin.length; i < u.length; i++) {
        const c = u[i];
        if (c === '/') out.add(u.slice(0, i + 1));
        else if ((c === '?' || c === '#') && i > p.origin.length) out.add(u.slice(0, i));
      }
      out.add(u);
      return JSON.stringify([...out]);
    }
    default:
      return '';
  }
});

const URL_PARAM = udf('ch_url_parameter', (url: string, name: string) => params(String(url)).find(([k]) => k === String(name))?.[1] ?? '');
const ENC_FORM = udf('ch_encode_url_form', (s: string) => encodeURIComponent(String(s)).replace(/%20/g, '+'));
const DEC_FORM = udf('ch_decode_url_form', (s: string) => formDecode(String(s)));
const ENC = udf('ch_encode_url', (s: string) => encodeURIComponent(String(s)));
const DEC = udf('ch_decode_url', (s: string) => {
  try {
    return decodeURIComponent(String(s));
  } catch {
    return String(s);
  }
});

const a0 = (a: readonly EmittedArg[]) => (a[0] as EmittedArg).sql;
const part = (name: string, ret = T.string) => scalar({ name, min: 1, max: 1, ret, emit: (a) => `${URL_PART}(${a0(a)}, '${name}')` });

export const URL: readonly FunctionDef[] = [
  ...[
    'protocol',
    'domain',
    'domainWithoutWWW',
    'topLevelDomain',
    'path',
    'pathFull',
    'queryString',
    'fragment',
    'cutQueryString',
    'cutFragment',
    'cutQueryStringAndFragment',
    'cutWWW',
  ].map((n) => part(n)),
  part('port', T.uint16),
  part('extractURLParameters', T.array(T.string)),
  part('extractURLParameterNames', T.array(T.string)),
  part('URLHierarchy', T.array(T.string)),
  scalar({
    name: 'extractURLParameter',
    min: 2,
    max: 2,
    ret: T.string,
    emit: (a) => `${URL_PARAM}(${a0(a)}, ${(a[1] as EmittedArg).sql})`,
  }),
  scalar({ name: 'encodeURLFormComponent', min: 1, max: 1, ret: T.string, emit: (a) => `${ENC_FORM}(${a0(a)})` }),
  scalar({ name: 'decodeURLFormComponent', min: 1, max: 1, ret: T.string, emit: (a) => `${DEC_FORM}(${a0(a)})` }),
  scalar({ name: 'encodeURLComponent', min: 1, max: 1, ret: T.string, emit: (a) => `${ENC}(${a0(a)})` }),
  scalar({ name: 'decodeURLComponent', min: 1, max: 1, ret: T.string, emit: (a) => `${DEC}(${a0(a)})` }),
];
