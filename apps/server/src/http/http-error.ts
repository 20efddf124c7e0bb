import { ErrorCode, describeZodError, type ApiError } from '@atelier/protocol';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { z } from 'zod';
import type { Logger } from '../logger';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Sent as `Retry-After` (a rate limit, a full queue). */
    readonly options: { retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }
}

/** A 429 `rate_limited` from a refused budget, telling when to come back. */
export function rateLimitedError(retryAfterSeconds: number, message: string): HttpError {
  return new HttpError(429, ErrorCode.rateLimited, message, { retryAfterSeconds });
}

/** Parses a request part with a protocol schema, or answers 400 with a readable message. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, ErrorCode.invalidPayload, describeZodError(parsed.error));
  return parsed.data;
}

/**
 * An error from the store (disk full, read-only, Redis away) as a 503 the client can act on;
 * HttpErrors (a bad template, an unknown board) pass through as they are.
 */
export function storeFailure(error: unknown, message: string): unknown {
  if (error instanceof HttpError) return error;
  return Object.assign(new HttpError(503, ErrorCode.storeUnavailable, message), { cause: error });
}

export function errorBody(code: ErrorCode, message: string): ApiError {
  return { error: { code, message } };
}

export const notFoundHandler: RequestHandler = (request, response) => {
  response.status(404).json(errorBody(ErrorCode.notFound, `no route for ${request.method} ${request.path}`));
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _request, response, _next) => {
    if (error instanceof HttpError) {
      if (error.status >= 500) {
        const cause = error.cause instanceof Error ? error.cause.message : undefined;
        logger.error({ code: error.code, err: cause }, error.message);
      }
      if (error.options.retryAfterSeconds !== undefined) {
        response.setHeader('Retry-After', String(error.options.retryAfterSeconds));
      }
      response.status(error.status).json(errorBody(error.code, error.message));
      return;
    }
    // body-parser's errors carry a status and a type.
    const status = (error as { status?: number }).status;
    const type = (error as { type?: string }).type;
    if (type === 'entity.too.large') {
      response.status(413).json(errorBody(ErrorCode.messageTooLarge, 'the request body is too large'));
      return;
    }
    if (type === 'entity.parse.failed') {
      response.status(400).json(errorBody(ErrorCode.invalidPayload, 'the request body is not valid JSON'));
      return;
    }
    if (status && status >= 400 && status < 500) {
      response.status(status).json(errorBody(ErrorCode.badRequest, (error as Error).message));
      return;
    }
    logger.error({ err: error instanceof Error ? error.stack : String(error) }, 'unhandled request error');
    response.status(500).json(errorBody(ErrorCode.internal, 'internal error'));
  };
}
