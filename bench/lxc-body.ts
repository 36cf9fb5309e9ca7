// The 1000-guest `GET /nodes/{node}/lxc` body the transport and client benchmarks serve.

/**
 * One guest as `GET /nodes/{node}/lxc` lists it on PVE 9
 * (docs/pve-behaviour.md#container-list-and-status).
 */
export function guest(index: number): Record<string, unknown> {
  const vmid = 100 + index;
  const running = index % 3 !== 0;
  const base: Record<string, unknown> = {
    vmid,
    name: `ct-${vmid}.felhom.internal`,
    status: running ? 'running' : 'stopped',
    type: 'lxc',
    cpus: 2,
    cpu: running ? 0.0123 * (index % 7) : 0,
    mem: running ? 268_435_456 + index * 4096 : 0,
    maxmem: 1_073_741_824,
    swap: 0,
    maxswap: 536_870_912,
    disk: 1_234_567_890 + index,
    maxdisk: 8_589_934_592,
    diskread: 987_654_321,
    diskwrite: 123_456_789,
    netin: 55_443_322,
    netout: 11_223_344,
    uptime: running ? 86_400 + index : 0,
    tags: index % 2 === 0 ? 'felhom;prod' : 'felhom',
  };
  if (running) {
    Object.assign(base, {
      pid: 40_000 + index,
      pressurecpusome: 0.12,
      pressurecpufull: 0,
      pressureiosome: 0.05,
      pressureiofull: 0.01,
      pressurememorysome: 0,
      pressurememoryfull: 0,
    });
  }
  if (index % 50 === 0) base.lock = 'backup';
  return base;
}
