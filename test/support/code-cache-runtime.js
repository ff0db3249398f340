// Jest's runtime with V8's code cache for the modules a test file loads (jest.config.js: `runtime`).
// Jest evaluates every module again in each test file's own context, and V8 parsed and compiled
// each one from its text every time: the API alone is ~3,000 modules (16 MB), about 1 s of CPU a
// test file (docs/performance.md, "npm test time"). Here each module is compiled as a script
// whose V8 code cache, taken when the file's tests end (so with the functions they ran compiled
// too), is handed to V8 when a later test file of this worker loads the same module text. V8
// checks the cache against the text and its own flags, and compiles from scratch if they differ.
// What a module is and does is unchanged: each test file still gets its own fresh module
// instances; only V8's parse and compile of the same text is skipped.
const vm = require('node:vm');
const Runtime = require('jest-runtime').default;

/** filename -> the transformed text and V8's code cache of it, for the life of this worker. */
const codeCache = new Map();

class CodeCacheRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    /** Scripts compiled without a usable cache in this test file: cached at teardown. */
    this.uncachedScripts = [];
    const executor = this.executor;
    // Jest's internals (jest-runtime 30): anything else and the runtime stays Jest's own.
    if (!executor || typeof executor.compile !== 'function' || !Array.isArray(executor.injectedModuleParameters)) return;
    const jestCompile = executor.compile.bind(executor);
    // The module wrapper Jest used before it moved to vm.compileFunction (the same frame name in
    // stacks); the negative column offset keeps first-line columns those of the module's own text.
    const prefix = `({"Object.<anonymous>":function(${executor.injectedModuleParameters.join(',')}){`;
    executor.compile = (scriptSource, filename) => {
      const vmContext = executor.environment.getVmContext();
      if (vmContext == null) return jestCompile(scriptSource, filename);
      const scriptFilename = executor.resolution.isCoreModule(filename) ? `jest-nodejs-core-${filename}` : filename;
      const cached = codeCache.get(scriptFilename);
      const cachedData = cached && cached.source === scriptSource ? cached.data : undefined;
      let script;
      let fn;
      try {
        script = new vm.Script(`${prefix}${scriptSource}\n}});`, {
          filename: scriptFilename,
          columnOffset: -prefix.length,
          cachedData,
          importModuleDynamically: (specifier, _script, importAttributes, ...rest) => {
            // As Jest's own compile: import() needs node --experimental-vm-modules.
            if (typeof vm.SyntheticModule !== 'function') throw new Error('You need to run with a version of node that supports ES Modules in the VM API. See https://jestjs.io/docs/ecmascript-modules');
            return executor.dynamicImport(specifier, scriptFilename, vmContext, importAttributes, rest[0]);
          },
        });
        fn = script.runInContext(vmContext)['Object.<anonymous>'];
      } catch {
        // A syntax error: Jest's own compile reports it as Jest does.
        return jestCompile(scriptSource, filename);
      }
      if (!cachedData || script.cachedDataRejected) this.uncachedScripts.push({ scriptFilename, scriptSource, script });
      return fn;
    };
  }

  teardown() {
    for (const { scriptFilename, scriptSource, script } of this.uncachedScripts) {
      codeCache.set(scriptFilename, { source: scriptSource, data: script.createCachedData() });
    }
    this.uncachedScripts = [];
    return super.teardown();
  }
}

module.exports = CodeCacheRuntime;
