import { readFileSync } from 'node:fs';
import path from 'node:path';
import { printServedSchema } from '../../apps/api/src/app/print-schema';

describe('committed GraphQL schema', () => {
  it('matches the schema the API serves (run `npm run schema:print` after changing the API)', async () => {
    const committed = readFileSync(path.join(__dirname, '../../apps/api/schema.graphql'), 'utf8');
    expect(await printServedSchema()).toBe(committed);
  });
});
