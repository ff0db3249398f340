// End-to-end suites: the migrated template database (as for integration), then the API and
// worker built ahead of time once for the processes the suites spawn (spawn-api.ts).
const dbSetup = require('../../libs/shared/testing/src/lib/global-setup.js');
const { ensureServerBuild } = require('./server-build');

module.exports = async function e2eGlobalSetup() {
  await dbSetup();
  process.env.VITRINE_SERVER_BUILD = ensureServerBuild();
};
