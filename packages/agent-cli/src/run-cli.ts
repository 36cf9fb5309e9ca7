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

// The command has returned and its output is written (writes to files, pipes and terminals are
// synchronous on Linux). A connection still being set up in the background (see
// commands/selftest.ts) must not hold the process: end it if the event loop is not done soon.
setTimeout(() => process.exit(), 200).unref();
