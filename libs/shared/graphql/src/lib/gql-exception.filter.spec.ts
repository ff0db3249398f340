import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { GraphQLError, Kind, locatedError, type FieldNode } from 'graphql';
import { DomainError } from '@vitrine/shared/kernel';
import { formatGraphQLError } from './format-error';
import { AppExceptionFilter } from './gql-exception.filter';

const field: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'placeOrder' } };

function graphqlHost() {
  const info = { fieldNodes: [field], path: { prev: undefined, key: 'placeOrder', typename: 'Mutation' } };
  const host = new ExecutionContextHost([undefined, {}, {}, info]);
  host.setType('graphql');
  return host;
}

/** Runs `fn`, answering how many stack frames V8 formatted meanwhile (what source maps make costly). */
function framesFormatted(fn: () => void): number {
  let frames = 0;
  const prepare = Error.prepareStackTrace;
  Error.prepareStackTrace = (error, callSites) => {
    frames += callSites.length;
    return prepare ? prepare(error, callSites) : String(error);
  };
  try {
    fn();
  } finally {
    Error.prepareStackTrace = prepare;
  }
  return frames;
}

describe('AppExceptionFilter on GraphQL', () => {
  it('hands a domain error to graphql-js already located, with the domain error’s stack and no stack of its own formatted', () => {
    const refusal = new DomainError('OUT_OF_STOCK', 'Some items are out of stock', { lines: ['l1'] });
    void refusal.stack;
    // What graphql-js does on its own: wrap it, formatting a stack of its own on the way.
    expect(framesFormatted(() => locatedError(refusal, [field], ['placeOrder']))).toBeGreaterThan(0);
    let out!: GraphQLError;
    expect(framesFormatted(() => (out = new AppExceptionFilter().catch(refusal, graphqlHost()) as GraphQLError))).toBe(0);
    expect(out).toBeInstanceOf(GraphQLError);
    expect(out.path).toEqual(['placeOrder']);
    expect(out.originalError).toBe(refusal);
    expect(out.stack).toBe(refusal.stack);
    // graphql-js keeps it as it is, and the client sees the same answer as before.
    expect(locatedError(out, [field], ['placeOrder'])).toBe(out);
    expect(formatGraphQLError(out.toJSON(), out)).toEqual({ message: 'Some items are out of stock', path: ['placeOrder'], locations: undefined, extensions: { lines: ['l1'], code: 'OUT_OF_STOCK' } });
    expect(Error.stackTraceLimit).toBeGreaterThan(0);
  });

  it('passes any other error through untouched', () => {
    const bug = new Error('boom');
    expect(new AppExceptionFilter().catch(bug, graphqlHost())).toBe(bug);
  });
});
