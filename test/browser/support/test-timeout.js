// Integration, e2e and browser suites start databases, servers and browsers: give browser tests
// and hooks 30 s (Jest ignores `testTimeout` inside a project's configuration).
jest.setTimeout(90_000);
