// Integration, e2e and browser suites start databases, servers and browsers: give tests
// and hooks 30 s (Jest ignores `testTimeout` inside a project's configuration).
jest.setTimeout(30_000);
