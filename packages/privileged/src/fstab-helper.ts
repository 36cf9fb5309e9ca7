// The root-side helper of the mount step (sudo mode), run as `/usr/bin/node THIS-FILE mount|unmount …`.
// Install it root-owned and unwritable by the service user: sudoers pins this path (docs/privileged.md).
import { runFstabHelper } from './mount/fstab-helper-cli.js';

process.exitCode = await runFstabHelper(process.argv.slice(2));
