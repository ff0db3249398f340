// Loaded into the API by bench:catalog (`node -r`): counts the SQL statements every pg client of
// the process sends, as test/support/sql-counter.ts does in tests, and on SIGWINCH (Nest's
// shutdown hooks take SIGUSR2) writes that count and process.memoryUsage() as JSON to
// BENCH_SQL_COUNT_FILE, so the bench can read statements per request and where memory goes.
'use strict';
const { writeFileSync } = require('node:fs');
const pg = require('pg');

let statements = 0;
const original = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  statements++;
  return original.apply(this, args);
};
process.on('SIGWINCH', () => {
  const file = process.env.BENCH_SQL_COUNT_FILE;
  if (file) writeFileSync(file, JSON.stringify({ statements, memory: process.memoryUsage() }));
});
