// The floor: a bare node:http server answering a fixed JSON body, the fastest a Node HTTP API
// can be on this machine. DiskSeal's request rates are reported as a ratio to it.
import http from "node:http";
import type { AddressInfo } from "node:net";

const body = process.argv[2] ?? '{"RequestId":"0","Regions":{"Region":[]}}';
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(body));
});
server.keepAliveTimeout = 65_000;
server.listen(0, "127.0.0.1", () => console.log(`listening ${(server.address() as AddressInfo).port}`));
