import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors.js';
import type { Host } from '../host.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** `GET /tokens`: Tinybird Local hands its tokens to local tools without auth; only over loopback. */
export function tokensRoutes(app: FastifyInstance, host: Host): void {
  app.get('/tokens', async (request, reply) => {
    if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) return sendError(reply, 403, 'Tokens are only served to loopback clients');
    return { user_token: host.adminToken, admin_token: host.adminToken, workspace_admin_token: host.adminToken };
  });
}
