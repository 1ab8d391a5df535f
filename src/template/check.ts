import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type { Template } from '../syntax/template/ast.js';
import { FORBIDDEN_VARIABLE_NAMES, RESERVED_PARAM_NAMES, TEMPLATE_FUNCTIONS, TEMPLATE_METHODS } from './functions.js';
import { localNames, walkTemplate } from './walk.js';

const PY_OP_NAMES: Readonly<Record<string, string>> = { '/': 'Div', '//': 'FloorDiv', '%': 'Mod', '**': 'Pow' };

/**
 * Tinybird's security rules as diagnostics: only whitelisted functions and methods, only `+ - *`, no
 * attribute access, no `format`/`q` variables. The renderer enforces the same rules at run time.
 */
export function checkTemplate(ast: Template, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const line = (r: Range): number => r.start.line - ast.firstLine + 1;
  const report = (code: string, message: string, range: Range, severity: Diagnostic['severity'] = 'error', hint?: string): void => {
    out.push({ code, severity, message, range, ...(file ? { file } : {}), ...(hint ? { hint } : {}) });
  };
  const locals = localNames(ast);
  const warned = new Set<string>();
  walkTemplate(ast, {
    expr: (e) => {
      switch (e.kind) {
        case 'call':
          if (FORBIDDEN_VARIABLE_NAMES.has(e.callee))
            report('MK3014', `"${e.callee}" can not be used as a variable name, line ${line(e.range)}`, e.calleeRange);
          else if (!(e.callee in TEMPLATE_FUNCTIONS))
            report('MK3010', `'${e.callee}' is not a valid function, line ${line(e.range)}`, e.calleeRange);
          return;
        case 'method':
          if (!TEMPLATE_METHODS.has(e.method)) report('MK3011', `'${e.method}' is not an allowed method`, e.range);
          return;
        case 'attribute':
          // Tinybird accepts `x.attr` at build time and fails only if the render reaches it.
          if (e.attr === '__call__') report('MK3013', 'only named functions can be called', e.range);
          else report('MK3013', `attribute access '.${e.attr}' fails when rendered`, e.range, 'warning');
          return;
        case 'binary':
          if (PY_OP_NAMES[e.op]) report('MK3012', `Invalid BinOp: ${PY_OP_NAMES[e.op]}()`, e.range);
          return;
        case 'name':
          if (FORBIDDEN_VARIABLE_NAMES.has(e.name))
            report('MK3014', `"${e.name}" can not be used as a variable name, line ${line(e.range)}`, e.range);
          else if (RESERVED_PARAM_NAMES.has(e.name) && !locals.has(e.name) && !warned.has(e.name)) {
            warned.add(e.name);
            report('MK3015', `'${e.name}' is a reserved parameter name`, e.range, 'warning');
          }
          return;
        default:
          return;
      }
    },
  });
  return out;
}
