export type Env = Readonly<Record<string, string | undefined>>;

const PLACEHOLDER = /\$(?:(\$)|([_a-zA-Z][_a-zA-Z0-9]*)|\{([_a-zA-Z][_a-zA-Z0-9]*)\})/g;

/**
 * Python's `string.Template(s).safe_substitute(env)`, which Tinybird applies to most values: `$VAR` and
 * `${VAR}` become the variable when it is set and stay as written when not; `$$` becomes `$`.
 */
export function substituteEnv(text: string, env: Env): string {
  if (!text.includes('$')) return text;
  return text.replace(PLACEHOLDER, (whole, dollar: string | undefined, named?: string, braced?: string) => {
    if (dollar) return '$';
    const value = env[named ?? braced ?? ''];
    return value ?? whole;
  });
}

/** The inverse for text without set variables: doubles each `$` that `substituteEnv` would otherwise eat. */
export function escapeEnv(text: string): string {
  return text.replace(/\$(?=\$)/g, '$$$$');
}
