import type { Command } from 'commander';
import { collect, jsonOption, projectOption, remoteOptions } from '../options.js';

export function registerEndpoint(mk: Command): void {
  const endpoint = mk.command('endpoint').description('list endpoints, read their data, print their URL or OpenAPI document');
  const common = (cmd: Command) => remoteOptions(projectOption(cmd));

  common(jsonOption(endpoint.command('ls').description('list the endpoints of the dev server (or --cloud)'))).action(async (opts) => {
    const { runEndpoint } = await import('../run-endpoint.js');
    process.exitCode = await runEndpoint({ action: 'ls', ...opts });
  });
  common(
    endpoint
      .command('data <pipe>')
      .description('call an endpoint and print its response')
      .option('--param <key=value>', 'template parameter (repeat for several, or for an Array)', collect, [])
      .option('--format <format>', 'json, csv or ndjson', 'json'),
  ).action(async (pipe: string, opts) => {
    const { runEndpoint } = await import('../run-endpoint.js');
    process.exitCode = await runEndpoint({ action: 'data', pipe, ...opts });
  });
  common(
    endpoint
      .command('url <pipe>')
      .description("print an endpoint's URL")
      .option('--param <key=value>', 'template parameter to include', collect, [])
      .option('--format <format>', 'json, csv or ndjson', 'json'),
  ).action(async (pipe: string, opts) => {
    const { runEndpoint } = await import('../run-endpoint.js');
    process.exitCode = await runEndpoint({ action: 'url', pipe, ...opts });
  });
  common(endpoint.command('openapi').description('print the OpenAPI 3 document of the endpoints')).action(async (opts) => {
    const { runEndpoint } = await import('../run-endpoint.js');
    process.exitCode = await runEndpoint({ action: 'openapi', ...opts });
  });
}
