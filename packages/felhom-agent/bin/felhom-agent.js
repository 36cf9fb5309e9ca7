#!/usr/bin/env node
// `npx felhom-agent` and `npm install -g felhom-agent` install the command under the name
// operators type. The command is @felhom/agent-cli's: it checks the Node.js version before it
// loads anything else, so this file stays free of syntax an old Node could not parse.
import '@felhom/agent-cli/cli';
