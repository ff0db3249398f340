import { Catch, type ArgumentsHost, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '@vitrine/shared/kernel';

/**
 * GraphQL errors go back to Apollo untouched (formatGraphQLError maps them); expected
 * domain errors are not logged as crashes. HTTP routes keep Nest's default handling,
 * with domain errors answered by their code.
 */
@Catch()
export class AppExceptionFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return exception;
    if (exception instanceof DomainError) {
      const status = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401, VALIDATION_FAILED: 400, CONFLICT: 409 }[exception.code as string] ?? 422;
      return super.catch(new HttpException({ code: exception.code, message: exception.message }, status), host);
    }
    return super.catch(exception, host);
  }
}
