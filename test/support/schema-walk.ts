import { randomUUID } from 'node:crypto';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  getNamedType,
  isLeafType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

export interface Operation {
  kind: 'query' | 'mutation';
  name: string;
  document: string;
  variables: Record<string, unknown>;
}

/** Picks a value for an ID argument by its name (e.g. museumId → a museum of the victim). */
export type IdPicker = (argPath: string, operation: string) => string | undefined;

function sampleInput(type: GraphQLInputType, path: string, pickId: (path: string) => string | undefined, depth = 0): unknown {
  if (type instanceof GraphQLNonNull) return sampleInput(type.ofType, path, pickId, depth);
  if (type instanceof GraphQLList) return [sampleInput(type.ofType, path, pickId, depth)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]!.value;
  if (type instanceof GraphQLInputObjectType) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      // Optional fields are filled too, so ids inside inputs point at the victim's objects.
      if (depth > 3 && !(field.type instanceof GraphQLNonNull)) continue;
      out[field.name] = sampleInput(field.type, field.name, pickId, depth + 1);
    }
    return out;
  }
  const scalar = type as GraphQLScalarType;
  switch (scalar.name) {
    case 'ID':
      return pickId(path) ?? randomUUID();
    case 'Int':
      return path === 'first' ? 5 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'DateTime':
      return new Date().toISOString();
    case 'JSON':
    case 'JSONObject':
      return {};
    default:
      return path.toLowerCase().endsWith('id') ? (pickId(path) ?? randomUUID()) : 'x';
  }
}

function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named)) return '{ __typename }';
  if (!isObjectType(named) && !isInterfaceType(named)) return '';
  const fields = Object.values(named.getFields()).filter((f) => f.args.every((a) => !(a.type instanceof GraphQLNonNull)));
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type))).map((f) => f.name);
  const picked = leaves.length ? leaves : ['__typename'];
  if (depth > 0) {
    const nested = fields.find((f) => !isLeafType(getNamedType(f.type)));
    if (nested) {
      const sub = selection(nested.type, depth - 1);
      if (sub) picked.push(`${nested.name} ${sub}`);
    }
  }
  return `{ ${picked.join(' ')} }`;
}

function typeString(type: GraphQLInputType): string {
  return type.toString();
}

export function operationsOf(schema: GraphQLSchema, pickId: IdPicker): Operation[] {
  const ops: Operation[] = [];
  const roots: [Operation['kind'], GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  for (const [kind, root] of roots) {
    if (!root) continue;
    for (const field of Object.values(root.getFields()) as GraphQLField<unknown, unknown>[]) {
      const variables: Record<string, unknown> = {};
      const defs: string[] = [];
      const args: string[] = [];
      for (const arg of field.args) {
        variables[arg.name] = sampleInput(arg.type, arg.name, (path) => pickId(path, field.name));
        defs.push(`$${arg.name}: ${typeString(arg.type)}`);
        args.push(`${arg.name}: $${arg.name}`);
      }
      const sel = selection(field.type, 1);
      const document = `${kind} Walk${defs.length ? `(${defs.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${sel} }`;
      ops.push({ kind, name: field.name, document, variables });
    }
  }
  return ops;
}
