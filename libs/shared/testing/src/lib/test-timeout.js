// Integration, e2e and browser suites start databases, servers and browsers: give tests
// and hooks 120 s (Jest ignores `testTimeout` inside a project's configuration). A loaded
// two-core CI machine took past 30 s to set some suites up; a passing test is not slowed.
jest.setTimeout(120_000);
