// Writes the GraphQL SDL the API serves to apps/api/schema.graphql (committed, so API
// changes show in review; a test fails when the file is stale).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printServedSchema } from '../apps/api/src/app/print-schema';

printServedSchema()
  .then((sdl) => {
    writeFileSync(join(__dirname, '../apps/api/schema.graphql'), sdl);
    console.log('wrote apps/api/schema.graphql');
    process.exit(0);
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
