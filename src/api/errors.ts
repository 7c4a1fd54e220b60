/**
 * Every failure as `application/problem+json` (RFC 9457): a type naming the
 * kind, a title, the status, a detail a person can act on and our hint. One
 * exhaustive switch maps error codes to statuses, as the CLI maps them to
 * exit codes; a new code fails to compile until both surfaces handle it.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { assertNever, RetainError, type RetainErrorCode } from '../domain/errors.js';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  hint?: string;
  instance?: string;
  issues?: unknown;
};

export function statusOf(code: RetainErrorCode): number {
  switch (code) {
    case 'INVALID_ARGUMENT':
    case 'UNKNOWN_METRIC':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'CONFLICT':
      return 409;
    case 'STORE_UNAVAILABLE':
    case 'STORE_LOCKED':
    case 'STORE_TOO_NEW':
      return 503;
    default:
      return assertNever(code);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign in first',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Store unavailable',
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: Omit<Problem, 'title' | 'instance'>,
): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({ title: TITLES[problem.status] ?? 'Error', instance: request.url, ...problem });
}

export function handleError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof RetainError) {
    return sendProblem(reply, request, {
      type: `urn:retain:problem:${error.code.toLowerCase().replaceAll('_', '-')}`,
      status: statusOf(error.code),
      detail: error.message,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
    });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const first = error.validation[0];
    const where = first?.instancePath
      ? first.instancePath.replace(/^\//, '').replaceAll('/', '.')
      : 'the request';
    return sendProblem(reply, request, {
      type: 'urn:retain:problem:invalid-request',
      status: 400,
      detail: `${error.validationContext ?? 'request'} ${where}: ${first?.message ?? 'is invalid'}`,
      hint: 'See /api/openapi.json for the parameters this route takes.',
      issues: error.validation,
    });
  }
  if (error.statusCode === 429) {
    return sendProblem(reply, request, {
      type: 'urn:retain:problem:rate-limited',
      status: 429,
      detail: error.message,
      hint: 'Wait a minute before trying again.',
    });
  }
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(reply, request, {
      type: 'urn:retain:problem:bad-request',
      status: error.statusCode,
      detail: error.message,
    });
  }
  request.log.error(error);
  return sendProblem(reply, request, {
    type: 'urn:retain:problem:internal',
    status: 500,
    detail: 'Something went wrong on the server; the error was logged.',
  });
}
