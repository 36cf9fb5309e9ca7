// A CommonJS consumer, as in a project made by `npm init -y`: require() of the ES module (Node
// 20.19+ and 22.12+ load it synchronously). Asks a tiny HTTP stand-in on 127.0.0.1 for its
// version through the whole client (ky, undici, validation) and prints one JSON line.
const { createServer } = require('node:http');
const { ProxmoxClient, parseUPID, isProxmoxError, VERSION } = require('@felhom/proxmox');

const server = createServer((_request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ data: { version: '9.1.2', release: '9.1', repoid: 'cjs' } }));
});
server.listen(0, '127.0.0.1', () => {
  const baseUrl = `http://127.0.0.1:${server.address().port}`;
  const client = new ProxmoxClient({ baseUrl, token: { id: 'felhom@pve!agent', secret: 'cjs-consumer' } });
  client
    .version()
    .then((version) => {
      const upid = parseUPID('UPID:pve1:0002F3A1:0A1B2C3D:6650A1B2:vzdump:100:felhom@pve!agent:');
      const invalid = (() => {
        try {
          new ProxmoxClient({ baseUrl, token: { id: 'felhom', secret: 'x' } });
          return 'none';
        } catch (error) {
          return isProxmoxError(error) ? error.reason : 'other';
        }
      })();
      console.log(
        JSON.stringify({
          module: 'commonjs',
          sdk: VERSION,
          version: version.version,
          upidNode: upid.node,
          invalid,
        }),
      );
    })
    .finally(() => client.close().then(() => server.close()));
});
