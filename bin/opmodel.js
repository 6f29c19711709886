#!/usr/bin/env node
// opmodel's command-line entry point: checks the Node version, then runs the compiled CLI in dist/.
// Written in old JavaScript (no import statement or import.meta, no const, no arrow function) so
// that any old Node reads it far enough to say which version opmodel needs, not a syntax error.
var needed = [22, 12];
var have = process.versions.node.split('.').map(Number);
if (have[0] < needed[0] || (have[0] === needed[0] && have[1] < needed[1])) {
  process.stderr.write('opmodel needs Node.js ' + needed.join('.') + ' or newer; this is Node.js ' + process.versions.node + '.\n');
  process.exit(2);
}
import('../dist/cli.js').then(
  function (cli) {
    return cli.main(process.argv.slice(2)).then(function (code) {
      process.exitCode = code;
    });
  },
  function (error) {
    var unbuilt = /Cannot find module '[^']*[\\/]dist[\\/]cli\.js'/.test(String(error && error.message));
    process.stderr.write(
      unbuilt
        ? 'opmodel is not built: dist/ is missing. In a checkout of opmodel, run `npm install`.\n'
        : 'opmodel could not start: ' + String((error && error.message) || error).split('\n')[0] + '\n'
    );
    process.exit(2);
  }
);
