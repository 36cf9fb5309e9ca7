/**
 * A consumer of the packed packages, compiled outside the workspace under `moduleResolution`
 * `nodenext` and `bundler` and run against the simulated host (scripts/packaging/consumer.ts).
 * It prints one JSON line the check reads; anything unexpected throws.
 */
import { isPrivilegedError, sudoersAllowlist } from '@felhom/privileged';
import { RecordingRunner } from '@felhom/privileged/testing';
import { isProxmoxError, ProxmoxClient, type ProxmoxError, parseUPID } from '@felhom/proxmox';
import {
  SIM_AGENT_TOKEN_ID,
  SIM_AGENT_TOKEN_SECRET,
  SimulatedCluster,
  startSimulatorServer,
} from '@felhom/proxmox/testing';

const server = await startSimulatorServer(new SimulatedCluster());
const token = { id: SIM_AGENT_TOKEN_ID, secret: SIM_AGENT_TOKEN_SECRET };
const client = new ProxmoxClient({ baseUrl: server.url, token, tls: { fingerprint: server.fingerprint256 } });
const wrongPin = new ProxmoxClient({ baseUrl: server.url, token, tls: { fingerprint: '00'.repeat(32) } });

async function reasonOf(call: Promise<unknown>): Promise<ProxmoxError['reason'] | 'none'> {
  try {
    await call;
    return 'none';
  } catch (error) {
    if (isProxmoxError(error)) return error.reason;
    throw error;
  }
}

try {
  const { data } = await client.request<{ version: string; release: string }>('GET', '/version');
  const upid = parseUPID('UPID:pve1:0002F3A1:0A1B2C3D:6650A1B2:vzdump:100:felhom@pve!agent:');
  const privilegedReason = (call: () => unknown): string => {
    try {
      call();
      return 'none';
    } catch (error) {
      if (isPrivilegedError(error)) return error.reason;
      throw error;
    }
  };
  // A helper path that does not exist (or that anyone but root could change) is refused.
  const binaries = { fstabHelper: '/usr/local/lib/felhom-agent/fstab-helper.js' };
  const output = {
    version: data.version,
    wrongPin: await reasonOf(wrongPin.request('GET', '/version')),
    upidNode: upid.node,
    sudoers: privilegedReason(() =>
      sudoersAllowlist({ user: 'felhom', mountBase: '/srv/felhom/usb', binaries }),
    ),
    privilegedRefusal: privilegedReason(() =>
      sudoersAllowlist({ user: 'Not A User', mountBase: '/srv/felhom/usb' }),
    ),
    // The default helper path is the copy inside node_modules/@felhom/privileged/dist: pinned when
    // root installed the project (as CI does), refused when anyone else owns it.
    defaultHelperPath: privilegedReason(() =>
      sudoersAllowlist({ user: 'felhom', mountBase: '/srv/felhom/usb' }),
    ),
    recordingRunner: new RecordingRunner().calls.length,
  };
  console.log(JSON.stringify(output));
} finally {
  await Promise.all([client.close(), wrongPin.close()]);
  await server.close();
}
