import { parseValue } from 'graphql';
import { GraphQLJSON as Library } from 'graphql-scalars';
import { GraphQLJSON } from './json-scalar';

/** Our JSON scalar stands in for graphql-scalars' (not loaded by the API for its memory): it must read and write what that one does. */
describe('GraphQLJSON', () => {
  it('names and describes itself as graphql-scalars does', () => {
    expect(GraphQLJSON.name).toBe(Library.name);
    expect(GraphQLJSON.description).toBe(Library.description);
    expect(GraphQLJSON.specifiedByURL).toBe(Library.specifiedByURL);
  });

  it.each([
    '"丝巾"',
    'true',
    '12',
    '-1.5e3',
    'null',
    '[1, "a", [false, null]]',
    '{ a: 1, b: { c: ["x", $v] }, d: null }',
    '{ e: SOME_ENUM }',
    '$v',
    '$missing',
  ])('reads the literal %s as graphql-scalars does', (literal) => {
    const ast = parseValue(literal);
    const variables = { v: { nested: [1, 2] } };
    expect(GraphQLJSON.parseLiteral(ast, variables)).toEqual(Library.parseLiteral(ast, variables));
  });

  it('passes values through both ways', () => {
    const value = { 名称: '睡莲', n: [1, null, { ok: true }] };
    expect(GraphQLJSON.serialize(value)).toBe(value);
    expect(GraphQLJSON.parseValue(value)).toBe(value);
  });
});
