import { resolveApiTarget } from '../api/endpoint-target.js';
import { createJwt, createStaticToken, listTokens, refreshToken, removeToken } from '../api/token.js';
import { projectDir } from './options.js';
import { makeChalk, printJson, say } from './output.js';

export interface TokenCommand {
  readonly action: 'ls' | 'static' | 'jwt' | 'rm' | 'refresh';
  readonly name?: string;
  readonly project?: string;
  readonly cloud?: boolean;
  readonly host?: string;
  readonly token?: string;
  readonly json?: boolean;
  readonly scope?: string[];
  readonly resource?: string[];
  readonly ttl?: string;
  readonly fixedParams?: string[];
  readonly rps?: number;
}

/** Runs `mk token …`; token values go to stdout alone, so `$(mk token create …)` captures them. */
export async function runToken(options: TokenCommand): Promise<number> {
  const target = resolveApiTarget({
    project: projectDir(options),
    cloud: Boolean(options.cloud),
    ...(options.host ? { host: options.host } : {}),
    ...(options.token ? { token: options.token } : {}),
  });
  const c = makeChalk();
  switch (options.action) {
    case 'ls': {
      const tokens = await listTokens(target);
      if (options.json) printJson(tokens);
      else
        for (const t of tokens)
          say(
            `${c.bold(t.name)} ${c.dim(`(${t.origin})`)} ${t.scopes.map((s) => (s.resource ? `${s.type}:${s.resource}` : s.type)).join(' ')}\n    ${t.token}`,
          );
      return 0;
    }
    case 'static':
      say((await createStaticToken(target, options.name!, options.scope ?? [])).token);
      return 0;
    case 'jwt':
      say(
        await createJwt(target, {
          name: options.name!,
          ttl: options.ttl!,
          scopes: options.scope ?? [],
          resources: options.resource ?? [],
          fixedParams: options.fixedParams ?? [],
          ...(options.rps ? { rps: options.rps } : {}),
        }),
      );
      return 0;
    case 'rm':
      await removeToken(target, options.name!);
      say(`${c.green('✓')} Token ${options.name} removed`);
      return 0;
    case 'refresh':
      say((await refreshToken(target, options.name!)).token);
      return 0;
  }
}
