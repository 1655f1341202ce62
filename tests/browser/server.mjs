// Tiny static file server for the browser tests. No dependencies beyond node:*.
//
//   import { startServer } from './server.mjs';
//   const srv = await startServer('/path/to/site');   // listens on 127.0.0.1, random free port
//   srv.url            // 'http://127.0.0.1:PORT/'
//   await srv.close();
//
// Also runnable by hand:  node tests/browser/server.mjs [DIR] [PORT]
//
// Behaviour:
//  - binds to 127.0.0.1 only;
//  - GET/HEAD only (405 otherwise);
//  - "/dir/" and "/dir" (when dir is a directory) serve dir/index.html;
//  - paths are URL-decoded and confined to the root (no "..", no symlink escape);
//  - unknown files get 404, with the body of the site's 404.html when that file exists;
//  - content types for html, css, js/mjs, json, svg, xml, csv, png (+ a few common extras).
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

export function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function resolveFile(root, urlPath) {
  let rel;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const candidate = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  let st;
  try {
    st = await fsp.stat(candidate);
  } catch {
    return null;
  }
  let file = candidate;
  if (st.isDirectory()) {
    file = path.join(candidate, 'index.html');
    try {
      st = await fsp.stat(file);
    } catch {
      return null;
    }
  }
  if (!st.isFile()) return null;
  // Refuse symlinks that point outside the root.
  const real = await fsp.realpath(file);
  if (real !== root && !real.startsWith(root + path.sep)) return null;
  return { file, size: st.size };
}

export async function startServer(dir, { port = 0, host = '127.0.0.1', log = null } = {}) {
  const root = await fsp.realpath(path.resolve(dir));
  const notFoundPage = path.join(root, '404.html');

  const server = http.createServer(async (req, res) => {
    const send = (status, headers, body) => {
      res.writeHead(status, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
      if (log) log(`${status} ${req.method} ${req.url}`);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed\n');
        return;
      }
      const { pathname } = new URL(req.url, 'http://127.0.0.1');
      const found = await resolveFile(root, pathname);
      if (!found) {
        let body = 'Not Found\n';
        let type = 'text/plain; charset=utf-8';
        if (fs.existsSync(notFoundPage)) {
          body = await fsp.readFile(notFoundPage);
          type = CONTENT_TYPES['.html'];
        }
        send(404, { 'Content-Type': type }, body);
        return;
      }
      const body = await fsp.readFile(found.file);
      send(200, { 'Content-Type': contentTypeFor(found.file), 'Content-Length': body.length }, body);
    } catch (err) {
      send(500, { 'Content-Type': 'text/plain; charset=utf-8' }, `Internal error: ${err.message}\n`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  return {
    root,
    host,
    port: addr.port,
    url: `http://${host}:${addr.port}/`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// CLI: node tests/browser/server.mjs [DIR] [PORT]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.PEPGEN_SITE ?? 'site';
  const port = Number(process.argv[3] ?? 0);
  const srv = await startServer(dir, { port, log: (l) => console.log(l) });
  console.log(`Serving ${srv.root} at ${srv.url} (Ctrl-C to stop)`);
}
