import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import ts from 'typescript';

/**
 * The seller console (apps/admin) writes its GraphQL operations by hand, as template strings
 * built from field-list constants. This test reads every operation the console sends (the
 * first argument of each `gql(…)` / `post(…)` call, its `${CONSTANT}` and `${cond ? a : b}`
 * parts resolved from the console's own constants, every branch) and validates it against the
 * schema the API serves (apps/api/schema.graphql, itself checked by schema-sdl.e2e-spec.ts):
 * a field renamed or removed in the API, an argument of the wrong type, fails here, before any
 * browser test. Operations built at run time from data are listed in DYNAMIC, on purpose.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const ADMIN = path.join(ROOT, 'apps/admin/src');
const CALLEES = new Set(['gql', 'post']);
/** file:line of operations assembled from run-time data (covered by the browser tests only). */
// orders.data.ts:pageOf picks the list's fields or the CSV export's for the same museumOrders query.
const DYNAMIC = new Set(['licensing/proposal-api.ts:proposalCounts', 'resources/orders/orders.data.ts:pageOf']);
const isDynamic = (where: string) => DYNAMIC.has(where.replace(/ \(.*$/s, ''));

class Unresolved extends Error {}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.(spec|test)\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Every `const NAME = …` of a file, by name (module level and inside functions). */
function constantsOf(sf: ts.SourceFile): Map<string, ts.Expression> {
  const found = new Map<string, ts.Expression>();
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) {
      found.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The function an operation is sent from: its declaration, method or const name. */
function enclosingName(node: ts.Node): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name && ts.isIdentifier(n.name)) return n.name.text;
    if ((ts.isVariableDeclaration(n) || ts.isPropertyAssignment(n)) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) return n.name.text;
  }
  return 'module';
}

interface Operation {
  where: string;
  variants: string[];
}

function operationsOf(files: string[]): { operations: Operation[]; dynamic: string[] } {
  const parsed = files.map((file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS));
  // Constants imported from another console module are looked up by name across the console.
  const everywhere = new Map<string, ts.Expression[]>();
  for (const sf of parsed) for (const [name, init] of constantsOf(sf)) everywhere.set(name, [...(everywhere.get(name) ?? []), init]);

  const operations: Operation[] = [];
  const dynamic: string[] = [];
  for (const sf of parsed) {
    const local = constantsOf(sf);
    const evaluate = (e: ts.Expression, depth = 0): string[] => {
      if (depth > 20) throw new Unresolved('too deep');
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
      if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e)) return evaluate(e.expression, depth + 1);
      if (ts.isConditionalExpression(e)) return [...evaluate(e.whenTrue, depth + 1), ...evaluate(e.whenFalse, depth + 1)];
      if (ts.isIdentifier(e)) {
        const init = local.get(e.text) ?? (everywhere.get(e.text)?.length === 1 ? everywhere.get(e.text)![0] : undefined);
        if (!init) throw new Unresolved(e.text);
        return evaluate(init, depth + 1);
      }
      // FIELDS.replace('a', 'b'): the receiver's every variant with the one replacement.
      if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'replace' && e.arguments.length === 2) {
        const [[from], [to]] = [evaluate(e.arguments[0]!, depth + 1), evaluate(e.arguments[1]!, depth + 1)];
        return evaluate(e.expression.expression, depth + 1).map((v) => v.replace(from!, to!));
      }
      // ACTIONS[action]: every entry of a constant object.
      if (ts.isElementAccessExpression(e) && ts.isIdentifier(e.expression)) {
        const table = local.get(e.expression.text);
        if (table && ts.isObjectLiteralExpression(table)) {
          return table.properties.flatMap((prop) => (ts.isPropertyAssignment(prop) ? evaluate(prop.initializer, depth + 1) : []));
        }
      }
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        const [l, r] = [evaluate(e.left, depth + 1), evaluate(e.right, depth + 1)];
        return l.flatMap((a) => r.map((b) => a + b));
      }
      if (ts.isTemplateExpression(e)) {
        let out = [e.head.text];
        for (const span of e.templateSpans) {
          const parts = evaluate(span.expression, depth + 1);
          out = out.flatMap((a) => parts.map((p) => a + p + span.literal.text));
          if (out.length > 64) throw new Unresolved('too many variants');
        }
        return out;
      }
      throw new Unresolved(e.getText(sf));
    };
    const visit = (node: ts.Node): void => {
      // api/graphql.ts is the transport: its own calls pass their callers' operations on.
      const transport = sf.fileName === path.join(ADMIN, 'api/graphql.ts');
      if (!transport && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && CALLEES.has(node.expression.text) && node.arguments[0]) {
        const where = `${path.relative(ADMIN, sf.fileName)}:${enclosingName(node)}`;
        try {
          operations.push({ where, variants: evaluate(node.arguments[0]) });
        } catch (error) {
          if (!(error instanceof Unresolved)) throw error;
          dynamic.push(`${where} (${error.message})`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { operations, dynamic };
}

describe('the console’s GraphQL operations', () => {
  let schema: GraphQLSchema;
  const { operations, dynamic } = operationsOf(sourceFiles(ADMIN));

  beforeAll(() => {
    schema = buildSchema(readFileSync(path.join(ROOT, 'apps/api/schema.graphql'), 'utf8'));
  });

  it('finds the operations of every screen (and only the known dynamic ones)', () => {
    expect(operations.length).toBeGreaterThan(80);
    expect(dynamic.filter((d) => !isDynamic(d))).toEqual([]);
    expect(dynamic.length).toBe(DYNAMIC.size);
  });

  it('asks only for what the API serves, with arguments of the right types', () => {
    const problems = operations.flatMap(({ where, variants }) =>
      variants.flatMap((text) => {
        try {
          return validate(schema, parse(text)).map((e) => `${where}: ${e.message}`);
        } catch (error) {
          return [`${where}: ${(error as Error).message}`];
        }
      }),
    );
    expect(problems).toEqual([]);
  });
});
