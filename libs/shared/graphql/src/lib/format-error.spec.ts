import { GraphQLError } from 'graphql';
import { formatGraphQLError, messageForLog } from './format-error';
import { ThrottledException } from './keyed-throttler.guard';

describe('formatGraphQLError', () => {
  it('passes a client mistake through with its code and reports it as such, not as internal', () => {
    const internal = jest.fn();
    const client = jest.fn();
    const error = new GraphQLError('Variable "$f" got invalid value "xx"; Int cannot represent non-integer value: "xx"', { extensions: { code: 'BAD_USER_INPUT' } });
    const out = formatGraphQLError({ message: error.message, extensions: { code: 'BAD_USER_INPUT', stacktrace: ['x'] } }, error, internal, client);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT' });
    expect(internal).not.toHaveBeenCalled();
    expect(client).toHaveBeenCalledWith('BAD_USER_INPUT', 'Variable "$f" got invalid value [redacted]; Int cannot represent non-integer value: [redacted]');
  });

  it('answers THROTTLED with the seconds to wait', () => {
    const error = new GraphQLError('x', { path: ['login'], originalError: ThrottledException.after(42) });
    expect(formatGraphQLError({ message: 'x', path: ['login'] }, error)).toEqual({
      message: 'Too many requests, try again later',
      path: ['login'],
      extensions: { code: 'THROTTLED', retryAfter: 42 },
    });
  });

  it('hides anything else behind INTERNAL_SERVER_ERROR and reports it as internal', () => {
    const internal = jest.fn();
    const client = jest.fn();
    const out = formatGraphQLError({ message: 'boom' }, new GraphQLError('boom', { originalError: new Error('db down') }), internal, client);
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(internal).toHaveBeenCalledTimes(1);
    expect(client).not.toHaveBeenCalled();
  });
});

describe('messageForLog', () => {
  it('keeps names and reasons, drops the values a client sent', () => {
    expect(
      messageForLog('Variable "$i" got invalid value { email: "a@b.test", password: "p;w; d" }; Field "extra" is not defined by type "LoginInput".'),
    ).toBe('Variable "$i" got invalid value [redacted]; Field "extra" is not defined by type "LoginInput".');
    expect(messageForLog('String cannot represent a non string value: 12345')).toBe('String cannot represent a non string value: [redacted]');
    expect(messageForLog('Syntax Error: Expected Name, found String "secret".')).toBe('Syntax Error: Expected Name, found [redacted]');
    expect(messageForLog('Cannot query field "nothingHere" on type "Query".')).toBe('Cannot query field "nothingHere" on type "Query".');
  });
});
