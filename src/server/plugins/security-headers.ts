import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Headers that keep injected content harmless: no MIME sniffing, no framing, HSTS over HTTPS, and for the web
 * client a Content-Security-Policy that runs only our own scripts (Ant Design needs inline styles).
 * The API docs page (/api/docs) sets its own policy.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export default fp(async function securityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    // Over HTTPS (directly, or through a trusted proxy's X-Forwarded-Proto) the browser keeps to HTTPS for a year.
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
    if (request.url.startsWith('/api/docs')) return payload;
    reply.header('x-frame-options', 'DENY');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) reply.header('content-security-policy', CSP);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
});
