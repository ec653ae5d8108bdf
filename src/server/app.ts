import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest, type RouteOptions } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import { AppError } from './errors.js';
import errorsPlugin from './plugins/errors.js';
import requestLog from './plugins/request-log.js';
import authPlugin from './plugins/auth.js';
import inputGuard from './plugins/input-guard.js';
import securityHeaders from './plugins/security-headers.js';
import readReplica from './plugins/read-replica.js';
import type { AppDeps, RouteModule } from './types.js';
import healthRoutes from './modules/health/health.routes.js';
import authRoutes from './modules/auth/auth.routes.js';
import oauthRoutes from './modules/oauth/oauth.routes.js';
import unitsRoutes from './modules/units/units.routes.js';
import orgRoutes from './modules/org/org.routes.js';
import peopleRoutes from './modules/people/people.routes.js';
import usersRoutes from './modules/users/users.routes.js';
import auditLogRoutes from './modules/audit-log/audit-log.routes.js';
import auditRoutes from './modules/audit/audit.routes.js';
import workbenchRoutes from './modules/workbench/workbench.routes.js';
import calendarRoutes from './modules/calendar/calendar.routes.js';
import supervisionRoutes from './modules/supervision/supervision.routes.js';
import notificationsRoutes from './modules/notifications/notifications.routes.js';
import availabilityRoutes from './modules/availability/availability.routes.js';
import exportsRoutes from './modules/exports/exports.routes.js';
import campaignsRoutes from './modules/campaigns/campaigns.routes.js';
import opinionsRoutes from './modules/opinions/opinions.routes.js';
import orglifeRoutes from './modules/orglife/orglife.routes.js';
import channelsRoutes from './modules/channels/channels.routes.js';
import deliveriesRoutes from './modules/deliveries/deliveries.routes.js';
import disciplineChecksRoutes from './modules/discipline/checks.routes.js';
import disciplineNoticesRoutes from './modules/discipline/discipline-notices.routes.js';
import leaveRoutes from './modules/discipline/leave.routes.js';
import disciplineHolidayRoutes from './modules/discipline/holiday.routes.js';
import admonitionsRoutes from './modules/discipline/admonitions.routes.js';
import decisionsRoutes from './modules/decisions/decisions.routes.js';
import ruleDocumentsRoutes from './modules/decisions/rule-documents.routes.js';
import consultationsRoutes from './modules/decisions/consultations.routes.js';
import decisionPlanRoutes from './modules/decisions/plan.routes.js';
import librariesRoutes from './modules/libraries/libraries.routes.js';
import assessmentIndicatorRoutes from './modules/assessment/assessment-indicators.routes.js';
import recognitionRoutes from './modules/recognition/recognition.routes.js';
import upwardRoutes from './modules/upward/upward.routes.js';
import searchRoutes from './modules/search/search.routes.js';
import assessmentSchemesRoutes from './modules/assessment/assessment-schemes.routes.js';
import oversightDashboardRoutes from './modules/oversight-dashboard/dashboard.routes.js';
import oversightPlanRoutes from './modules/oversight/plan.routes.js';
import spotChecksRoutes from './modules/oversight/spot-checks.routes.js';

export const ROUTE_MODULES: RouteModule[] = [
  healthRoutes,
  authRoutes,
  oauthRoutes,
  unitsRoutes,
  oversightDashboardRoutes,
  orgRoutes,
  peopleRoutes,
  usersRoutes,
  auditLogRoutes,
  auditRoutes,
  workbenchRoutes,
  calendarRoutes,
  supervisionRoutes,
  notificationsRoutes,
  availabilityRoutes,
  exportsRoutes,
  campaignsRoutes,
  opinionsRoutes,
  orglifeRoutes,
  channelsRoutes,
  deliveriesRoutes,
  disciplineChecksRoutes,
  disciplineNoticesRoutes,
  leaveRoutes,
  disciplineHolidayRoutes,
  admonitionsRoutes,
  decisionsRoutes,
  ruleDocumentsRoutes,
  consultationsRoutes,
  decisionPlanRoutes,
  librariesRoutes,
  assessmentIndicatorRoutes,
  recognitionRoutes,
  upwardRoutes,
  searchRoutes,
  assessmentSchemesRoutes,
  oversightPlanRoutes,
  spotChecksRoutes,
];

/** Vite's hashed build output lives under assets/: cached for a year; anything else (the HTML pages) revalidated each time. */
export const cacheControlOf = (relativePath: string) =>
  /^assets[\\/]/.test(relativePath) ? 'public, max-age=31536000, immutable' : 'no-cache';

async function requireSession(request: FastifyRequest) {
  if (!request.session) throw new AppError(401, 'unauthenticated', '请先登录');
}

/** Builds the application without listening: tests use app.inject, main.ts listens. */
export async function buildApp(
  deps: AppDeps,
  opts: { logger?: boolean; logStream?: Writable; onRoute?: (route: RouteOptions) => void } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info', ...(opts.logStream ? { stream: opts.logStream } : {}) } : false,
    // Request lines are ours (plugins/request-log.ts): no client address by default, public routes apart.
    logController: new LogController({ disableRequestLogging: true }),
    // Random, not a counter: a gap in a sequence would place a public request between two logged ones.
    genReqId: () => randomBytes(6).toString('base64url'),
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
  });
  // Tests read every route as declared (its schemas), which the OpenAPI document does not give back exactly.
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(requestLog, {
    enabled: !!opts.logger,
    clientAddress: deps.config.logClientAddress,
    stream: opts.logStream,
  });
  await app.register(errorsPlugin);
  await app.register(securityHeaders);
  await app.register(cookie);
  await app.register(multipart, {
    limits: { fileSize: Math.max(5 * 1024 * 1024, deps.config.attachmentMaxBytes), files: 1, fields: 10 },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Zuofeng 作风 API', version: '0.1.0', description: '兴“十风”治“十弊”作风建设专项工作系统接口' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zf_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The API's description is for those who use it: signed-in users, unless the installation publishes it.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiHooks: deps.config.publicApiDocs ? undefined : { preHandler: requireSession },
  });
  await app.register(authPlugin, deps);
  await app.register(inputGuard);
  // Before the routes: its onRoute hook wraps the handlers of routes declaring `replica`.
  await app.register(readReplica, { reads: deps.reads });

  await app.register(
    async (api) => {
      for (const mod of ROUTE_MODULES) await api.register(async (scope) => mod(scope, deps));
    },
    { prefix: '/api' },
  );

  const webDir = deps.config.webDir;
  if (webDir) {
    // Pages are checked again on every load (a new release takes effect at once); the hashed assets never change.
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: true,
      index: 'index.html',
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', cacheControlOf(path.relative(webDir, file))),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === 'GET' && !request.url.startsWith('/api') && deps.config.webDir;
    if (wantsPage)
      return reply
        .header('cache-control', 'no-cache')
        .sendFile(request.url.startsWith('/o/') ? 'opinion.html' : 'index.html');
    return reply.status(404).send({ code: 'not_found', message: '请求的接口或页面不存在' });
  });
  return app;
}
