#!/usr/bin/env node
// The felhom-agent binary. The Node.js version is checked before the CLI loads: on an older Node
// the CLI's dependencies fail with errors that say nothing about the version.
import { nodeVersionProblem } from './runtime/node-version.js';

const problem = nodeVersionProblem(process.versions.node, process.execPath);
if (problem === undefined) {
  // No top-level await here: an old Node must be able to parse this file to print the line below.
  import('./run-cli.js').catch((error) => {
    process.stderr.write(`felhom-agent: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
} else {
  process.stderr.write(`felhom-agent: ${problem}\n`);
  process.exitCode = 2;
}
