// Browser suites' Jest environment: Node's, plus whether the running test has failed so far
// (its body or a beforeEach), which the fixtures read in afterEach to screenshot only then.
const { TestEnvironment } = require('jest-environment-node');

class BrowserTestEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__vitrineTestFailed = false;
    else if (event.name === 'test_fn_failure' || event.name === 'hook_failure') this.global.__vitrineTestFailed = true;
  }
}

module.exports = BrowserTestEnvironment;
