// The extensionTestsPath module: VS Code loads it INSIDE the extension host (the real `vscode` API)
// and calls run(); resolving means pass, rejecting means fail. Same contract as @vscode/test-electron,
// so test/e2e/run.mjs can hand it to a downloaded VS Code or to code-server.
const path = require('path');
const Mocha = require('mocha');

exports.run = async function run() {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false, // the output is forwarded line by line to the runner's console
    timeout: Number(process.env.KIJUN_E2E_TEST_TIMEOUT || 30000),
    grep: process.env.KIJUN_E2E_GREP || undefined,
  });
  mocha.addFile(path.join(__dirname, 'kijun.test.cjs'));
  const failures = await new Promise((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} real-editor test(s) failed`);
};
