// An ES module consumer of @felhom/proxmox (top-level await is fine here, unlike in CommonJS).
// The same round trip as index.js, through `import`.
import { createServer } from 'node:http';
import { isProxmoxError, ProxmoxClient, parseUPID, VERSION } from '@felhom/proxmox';

const server = createServer((_request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ data: { version: '9.1.2', release: '9.1', repoid: 'esm' } }));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}`;
const client = new ProxmoxClient({ baseUrl, token: { id: 'felhom@pve!agent', secret: 'esm-consumer' } });
try {
  const version = await client.version();
  const upid = parseUPID('UPID:pve1:0002F3A1:0A1B2C3D:6650A1B2:vzdump:100:felhom@pve!agent:');
  let invalid = 'none';
  try {
    new ProxmoxClient({ baseUrl, token: { id: 'felhom', secret: 'x' } });
  } catch (error) {
    invalid = isProxmoxError(error) ? error.reason : 'other';
  }
  console.log(
    JSON.stringify({ module: 'esm', sdk: VERSION, version: version.version, upidNode: upid.node, invalid }),
  );
} finally {
  await client.close();
  server.close();
}
