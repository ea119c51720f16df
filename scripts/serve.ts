/**
 * `npm run serve`: serves the built dist/ on http://127.0.0.1 (port from PORT, default 8080), e.g. to use
 * browser mode: open http://localhost:8080/taskpane.html in any browser. Static files only, loopback only;
 * nothing is uploaded (browser mode never sends a file anywhere). Build first with `npm run build`.
 * The e2e tests start it on a free port with startServer(dir, 0).
 */
import { createReadStream, promises as fs } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1:`port` (0 = a free port). "/" goes to /taskpane.html. */
export function startServer(root: string, port = 8080, host = "127.0.0.1"): Promise<RunningServer> {
  const base = path.resolve(root);
  // node calls the handler for its side effects; a rejection is caught inside it
  const server = createServer((req, res) => void serveRequest(req, res));
  async function serveRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { Allow: "GET, HEAD" }).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      if (pathname === "/") {
        res.writeHead(302, { Location: "/taskpane.html" }).end();
        return;
      }
      const file = path.resolve(base, "." + pathname);
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const stat = await fs.stat(file).catch(() => null);
      if (!stat || !stat.isFile()) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
        return;
      }
      const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
      res.writeHead(200, {
        "Content-Type": type,
        "Content-Length": stat.size,
        "Cache-Control": type.startsWith("text/html") ? "no-cache" : "public, max-age=3600",
        "X-Content-Type-Options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    } catch {
      if (!res.headersSent) res.writeHead(400);
      res.end();
    }
  }
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        server,
        port: actual,
        url: `http://${host === "127.0.0.1" ? "localhost" : host}:${actual}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "..", "dist");
  const html = path.join(root, "taskpane.html");
  if (!(await fs.stat(html).catch(() => null))) {
    console.error(`dist/taskpane.html is missing: run "npm run build" first.`);
    process.exit(1);
  }
  const port = Number(process.env.PORT ?? 8080);
  const running = await startServer(root, Number.isFinite(port) ? port : 8080).catch((err: NodeJS.ErrnoException) => {
    console.error(err.code === "EADDRINUSE" ? `Port ${port} is in use: try PORT=8081 npm run serve` : String(err));
    process.exit(1);
  });
  console.log(`Kensa (browser mode): ${running.url}taskpane.html`);
  console.log(
    "Serving dist/ on 127.0.0.1 only. Files you open stay in your browser; nothing is uploaded. Ctrl+C stops.",
  );
}

if (require.main === module) void main();
