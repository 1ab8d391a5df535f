import { deploy } from '../api/deploy.js';
import { makeChalk, note, printJson, say } from './output.js';

/** Runs `mk deploy` and returns the exit code: 0 deployed/valid/no changes, 1 failed. */
export async function runDeployCommand(options: {
  project: string;
  cloud: boolean;
  check: boolean;
  json: boolean;
  host?: string;
  token?: string;
}): Promise<number> {
  const { host, response } = await deploy(options);
  if (options.json) {
    printJson(response);
    return response.result === 'failed' ? 1 : 0;
  }
  const c = makeChalk();
  const d = response.deployment;
  if (response.result === 'failed') {
    for (const e of d.errors ?? []) note(typeof e === 'string' ? e : formatError(e));
    say(`${c.red('✗')} Deployment failed; ${host} keeps serving the live version`);
    return 1;
  }
  if (response.result === 'no_changes') {
    say(`${c.yellow('△')} Not deploying. No changes.`);
    return 0;
  }
  const lines: [string, readonly string[] | undefined][] = [
    ['new datasource', d.new_datasource_names],
    ['changed datasource', d.changed_datasource_names],
    ['new pipe', d.new_pipe_names],
    ['changed pipe', d.changed_pipe_names],
    ['deleted pipe', d.deleted_pipe_names],
  ];
  for (const [label, names] of lines) for (const name of names ?? []) say(`  ${label} ${name}`);
  say(options.check ? `${c.green('✓')} Deployment is valid` : `${c.green('✓')} Deployment #${d.id} is live on ${host}`);
  return 0;
}

function formatError(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { filename?: string; error?: string; message?: string; rendered?: string };
    if (o.rendered) return o.rendered;
    return `${o.filename ? `${o.filename}: ` : ''}${o.error ?? o.message ?? JSON.stringify(e)}`;
  }
  return String(e);
}
