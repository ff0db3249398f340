import { GraphQLScalarType, Kind, type ObjectValueNode, type ValueNode } from 'graphql';

const SPECIFIED_BY = 'http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf';

/**
 * The `JSON` scalar, the same as graphql-scalars' GraphQLJSON (name, description, specifiedBy,
 * values passed through, literals read the same way), without loading that package: its index
 * builds every one of its scalars, about 2.6 MB of an idle API's heap for the one used (issue 18).
 */
export const GraphQLJSON = new GraphQLScalarType({
  name: 'JSON',
  description: `The \`JSON\` scalar type represents JSON values as specified by [ECMA-404](${SPECIFIED_BY}).`,
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: jsonLiteral,
  specifiedByURL: SPECIFIED_BY,
  extensions: { codegenScalarType: 'any' },
});

function jsonLiteral(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return parseFloat(ast.value);
    case Kind.OBJECT:
      return jsonObject(ast, variables);
    case Kind.LIST:
      return ast.values.map((n) => jsonLiteral(n, variables));
    case Kind.NULL:
      return null;
    case Kind.VARIABLE:
      return variables ? variables[ast.name.value] : undefined;
    case Kind.ENUM:
      // As graphql-scalars: an enum literal is no JSON value.
      return undefined;
  }
}

function jsonObject(ast: ObjectValueNode, variables?: Record<string, unknown> | null): Record<string, unknown> {
  const value: Record<string, unknown> = Object.create(null);
  for (const field of ast.fields) value[field.name.value] = jsonLiteral(field.value, variables);
  return value;
}
