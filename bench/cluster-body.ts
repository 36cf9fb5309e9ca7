// The 10 000-entry `GET /cluster/resources` body the validation benchmark parses.

/**
 * A cluster of 10 nodes as `GET /cluster/resources` lists it: mostly guests (as on a busy
 * cluster), plus storages and pools.
 */
export function clusterResources(entries: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let i = 0; out.length < entries; i++) {
    const node = `pve${i % 10}`;
    const kind = i % 20;
    if (kind < 12) {
      out.push({
        id: `lxc/${100 + i}`,
        type: 'lxc',
        vmid: 100 + i,
        name: `ct-${i}`,
        node,
        status: i % 3 === 0 ? 'stopped' : 'running',
        template: 0,
        tags: 'prod;web',
        cpu: 0.0123,
        maxcpu: 2,
        mem: 201326592,
        maxmem: 1073741824,
        disk: 1288490188,
        maxdisk: 8589934592,
        diskread: 104857600,
        diskwrite: 52428800,
        netin: 123456,
        netout: 654321,
        uptime: 3600,
      });
    } else if (kind < 18) {
      out.push({
        id: `qemu/${100 + i}`,
        type: 'qemu',
        vmid: 100 + i,
        name: `vm-${i}`,
        node,
        status: 'running',
        template: 0,
        hastate: 'started',
        cpu: 0.2,
        maxcpu: 4,
        mem: 4294967296,
        maxmem: 8589934592,
        memhost: 4294967296,
        disk: 0,
        maxdisk: 68719476736,
        diskread: 1,
        diskwrite: 2,
        netin: 3,
        netout: 4,
        uptime: 7200,
      });
    } else if (kind === 18) {
      out.push({
        id: `storage/${node}/local-${i}`,
        type: 'storage',
        storage: `local-${i}`,
        node,
        status: 'available',
        plugintype: 'dir',
        content: 'iso,vztmpl,backup',
        shared: 0,
        disk: 9876543210,
        maxdisk: 100861726720,
      });
    } else {
      out.push({ id: `pool/pool-${i}`, type: 'pool', pool: `pool-${i}` });
    }
  }
  return out;
}
