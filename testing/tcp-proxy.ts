// A real TCP proxy between the app's database client and PostgreSQL, which a test can cut (every
// connection reset, new ones refused), stall (connections accepted, nothing passed on: a silent
// network) and restore, to see what the app answers while its database is unreachable.
import { createConnection, createServer, type Server, type Socket } from "node:net";

export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private stalled = false;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  private accept(client: Socket) {
    const upstream = createConnection(this.targetPort, this.targetHost);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
    if (this.stalled) for (const socket of [client, upstream]) socket.pause();
  }

  /** Listens on `port` (a free one the first time); resolves when it does. */
  async start(port = this.port): Promise<number> {
    const server = createServer((client) => this.accept(client));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    const address = server.address();
    this.port = typeof address === "object" && address ? address.port : port;
    return this.port;
  }

  /** PostgreSQL goes away: open connections are reset and new ones refused. */
  async cut() {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.resetAndDestroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The network goes silent: bytes stop flowing both ways, and nothing is closed. */
  stall() {
    this.stalled = true;
    for (const socket of this.sockets) socket.pause();
  }

  /** Back to normal, on the same port. */
  async restore() {
    this.stalled = false;
    for (const socket of this.sockets) socket.resume();
    if (!this.server) await this.start(this.port);
  }

  async stop() {
    await this.cut();
  }
}
