import type { CodeInfo } from './types.js';

/** Template language diagnostics (MK3000–MK3999); documented in docs/errors/template.md. */
export const TEMPLATE_CODES = {
  MK3001: { title: 'Template syntax error', hint: 'Check the expression inside {{ }} or {% %}.' },
  MK3002: { title: 'Unclosed template block', hint: 'Close every {% if %}, {% for %}, {% while %} and {% try %} with {% end %}.' },
  MK3003: { title: 'Unexpected block tag', hint: 'Remove the extra tag or move it inside the matching block.' },
  MK3004: {
    title: 'Forbidden template tag',
    hint: 'extends, include, import, from, autoescape, raw, module, apply and block are not allowed.',
  },
  MK3005: {
    title: 'Unknown template tag',
    hint: 'Valid tags: if, elif, else, end, for, while, set, break, continue, try, except, finally, comment, whitespace.',
  },
  MK3006: { title: 'Unterminated template tag', hint: 'Add the missing }}, %} or #}.' },
  MK3007: { title: 'break or continue outside a loop' },
  MK3010: {
    title: 'Function not allowed in templates',
    hint: 'Only Tinybird template functions (String, Int32, defined, column …) can be called.',
  },
  MK3011: {
    title: 'Method not allowed in templates',
    hint: 'Only .split(), .get(), .join(), .replace(), .startswith() and .endswith() can be called.',
  },
  MK3012: { title: 'Operator not allowed in templates', hint: 'Templates allow only +, - and * arithmetic.' },
  MK3013: { title: 'Attribute access not allowed in templates' },
  MK3014: { title: 'Reserved variable name', hint: '`format` and `q` are endpoint parameters; rename the template variable.' },
  MK3015: { title: 'Parameter name has a special meaning', hint: 'Rename the parameter to avoid clashing with a request option.' },
} satisfies Record<string, CodeInfo>;
