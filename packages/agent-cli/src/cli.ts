#!/usr/bin/env node
import { VERSION } from '@felhom/proxmox';

process.stdout.write(`felhom-agent ${VERSION}\n`);
