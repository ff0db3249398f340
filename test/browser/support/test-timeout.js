// The seller console in Chromium: building and driving a browser takes longer than 30 s
// per test at times (Jest ignores `testTimeout` inside a project configuration).
jest.setTimeout(180_000);
