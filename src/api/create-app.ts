/**
 * The HTTP app: a JSON API under /api (Zod-validated both ways, OpenAPI at
 * /api/openapi.json, docs at /api/docs, errors as problem+json) and, when a
 * built dashboard is given, the dashboard itself with client-side routing.
 * Every /api route needs a signed-in principal unless marked public.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Runtime } from '../runtime.js';
import { authenticate } from './auth/authenticate.js';
import { createPrincipalCache } from './auth/principal-cache.js';
import { handleError } from './errors.js';
import './request-context.js';
import { createResponseCache } from './response-cache.js';
import { registerAlertRoutes } from './routes/alerts.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerClvRoutes } from './routes/clv.js';
import { registerCustomerRoutes } from './routes/customers.js';
import { registerDigestRoutes } from './routes/digest.js';
import { registerGoalRoutes } from './routes/goals.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerMetricRoutes } from './routes/metrics.js';
import { registerRiskRoutes } from './routes/risk.js';
import { registerTrackerRoutes } from './routes/trackers.js';
import { registerUserRoutes } from './routes/users.js';
import { registerWatchSettingRoutes } from './routes/watch-settings.js';

export type AppOptions = {
  /** A Vite build of web/ to serve at /. */
  readonly webRoot?: string;
  readonly logger?: boolean;
};

const UPLOAD_LIMIT_BYTES = 512 * 1024 * 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes reachable without signing in. */
    isPublic?: boolean;
  }
}

export async function createApp(
  runtime: Runtime,
  options: AppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorateRequest('principal', undefined);
  app.decorateRequest('isCookieSession', false);

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: UPLOAD_LIMIT_BYTES } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Retain API',
        version: '1',
        description:
          'Sales and retention KPIs, customers and imports. Authenticate with the session cookie (and X-CSRF-Token on writes) or Authorization: Bearer <token>.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const principals = createPrincipalCache();
  app.addHook('onRequest', async (request) => {
    const isApi = request.url.startsWith('/api/');
    const isDocs =
      request.url.startsWith('/api/docs') ||
      request.url === '/api/openapi.json' ||
      request.url === '/api/health';
    if (!isApi || isDocs || request.routeOptions.config.isPublic) return;
    await authenticate(runtime.store, request, runtime.now(), principals);
  });

  app.get('/api/health', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  const responses = createResponseCache();
  registerAuthRoutes(app, runtime, principals);
  registerMetricRoutes(app, runtime, responses);
  registerCustomerRoutes(app, runtime);
  registerImportRoutes(app, runtime);
  registerUserRoutes(app, runtime, principals);
  registerGoalRoutes(app, runtime);
  registerClvRoutes(app, runtime);
  registerAlertRoutes(app, runtime);
  registerRiskRoutes(app, runtime);
  registerDigestRoutes(app, runtime);
  registerTrackerRoutes(app, runtime);
  registerWatchSettingRoutes(app, runtime);

  const hasWeb = options.webRoot !== undefined && existsSync(join(options.webRoot, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: options.webRoot ?? '', wildcard: false });
  // Client-side routes (/customers/c1) get the app shell; anything else is a problem+json 404.
  app.setNotFoundHandler((request, reply) => {
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.sendFile('index.html');
    return reply
      .code(404)
      .type('application/problem+json')
      .send({
        type: 'urn:retain:problem:not-found',
        title: 'Not found',
        status: 404,
        detail: `There is no ${request.method} ${request.url}.`,
        hint: 'See /api/docs for the routes.',
        instance: request.url,
      });
  });
  return app;
}
