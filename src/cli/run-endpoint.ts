import { type EndpointFormat, endpointData, endpointsOpenApi, endpointUrl, listEndpoints, parseParams } from '../api/endpoint.js';
import { resolveApiTarget } from '../api/endpoint-target.js';
import { UserError } from '../diagnostics/user-error.js';
import { projectDir } from './options.js';
import { makeChalk, printJson, say } from './output.js';

export interface EndpointCommand {
  readonly action: 'ls' | 'data' | 'url' | 'openapi';
  readonly pipe?: string;
  readonly project?: string;
  readonly cloud?: boolean;
  readonly host?: string;
  readonly token?: string;
  readonly json?: boolean;
  readonly param?: string[];
  readonly format?: string;
}

/** Runs `mk endpoint …`; returns the exit code. */
export async function runEndpoint(options: EndpointCommand): Promise<number> {
  const target = resolveApiTarget({
    project: projectDir(options),
    cloud: Boolean(options.cloud),
    ...(options.host ? { host: options.host } : {}),
    ...(options.token ? { token: options.token } : {}),
  });
  const format = (options.format ?? 'json') as EndpointFormat;
  if (!['json', 'csv', 'ndjson'].includes(format)) throw new UserError(`--format must be json, csv or ndjson, not ${format}`);
  switch (options.action) {
    case 'ls': {
      const endpoints = await listEndpoints(target);
      if (options.json) printJson(endpoints);
      else {
        const c = makeChalk();
        for (const e of endpoints) {
          say(`${c.bold(e.name)}${e.description ? c.dim(`  ${e.description.trim()}`) : ''}`);
          for (const p of e.params)
            say(
              `    ${p.name} ${c.dim(p.type)}${p.required ? c.yellow(' required') : ''}${p.default !== undefined ? c.dim(` = ${JSON.stringify(p.default)}`) : ''}`,
            );
        }
        if (endpoints.length === 0) say('No endpoints.');
      }
      return 0;
    }
    case 'data':
      process.stdout.write(await endpointData(target, options.pipe!, parseParams(options.param ?? []), format));
      return 0;
    case 'url':
      say(endpointUrl(target, options.pipe!, parseParams(options.param ?? []), format));
      return 0;
    case 'openapi':
      printJson(await endpointsOpenApi(target));
      return 0;
  }
}
