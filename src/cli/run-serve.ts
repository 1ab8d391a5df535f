import { startServer } from '../api/serve.js';
import { makeChalk, say } from './output.js';

/** `mk serve`: the remote target; runs until SIGINT/SIGTERM. */
export async function runServe(options: { dataDir: string; port: number; host: string; adminToken?: string }): Promise<void> {
  const c = makeChalk();
  const server = await startServer({ ...options, logger: false });
  say(`${c.bold('mk serve')} listening on ${c.cyan(server.url)} (data in ${options.dataDir})`);
  say(c.dim('  deploy with: mk deploy --cloud --host URL --token <admin token>'));
  await new Promise<void>((resolve) => {
    const stop = () => {
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
