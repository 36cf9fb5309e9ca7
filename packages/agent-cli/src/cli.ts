#!/usr/bin/env node
import { main } from './main.js';
import { processIO } from './output/io.js';

// Ctrl-C and SIGTERM abort the running command, which cleans up (e.g. deletes its throwaway
// snapshot) and returns 130; a second Ctrl-C exits at once.
const controller = new AbortController();
let interrupts = 0;
const onSignal = (signal: NodeJS.Signals): void => {
  interrupts += 1;
  if (interrupts > 1) process.exit(130);
  controller.abort(new Error(`interrupted by ${signal}`));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await main(process.argv.slice(2), processIO(), controller.signal);
process.removeListener('SIGINT', onSignal);
process.removeListener('SIGTERM', onSignal);
