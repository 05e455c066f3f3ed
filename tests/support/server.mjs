// A plain static file server for the browser tests, behaving like GitHub Pages, S3 website
// hosting or nginx without rewrite rules:
//   - a URL path maps to a file under --root (percent-decoded); a folder serves its index.html;
//     a folder asked for without its trailing slash is redirected (301) to it;
//   - anything else is a 404 whose body is <root>/404.html when there is one. There is no
//     single-page-app fallback: deep links work only if the build wrote a file for them.
// Options:
//   --root DIR        folder to serve
//   --port N          port on 127.0.0.1
//   --mount /blog/    serve DIR under this path prefix instead of /
//   --fail-first P    the first request for path P answers 500 (to test retrying)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const args = new Map();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i], process.argv[i + 1]);
const root = resolve(args.get('--root') ?? '.');
const port = Number(args.get('--port') ?? 8080);
const mount = args.get('--mount') ?? '/';
const failFirst = new Set(args.has('--fail-first') ? [args.get('--fail-first')] : []);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.toml': 'text/plain; charset=utf-8',
};

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

async function send(res, status, path, head) {
  const body = await readFile(path);
  res.writeHead(status, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-cache',
  });
  res.end(head ? undefined : body);
}

async function notFound(res, head) {
  const page = join(root, '404.html');
  if ((await fileAt(page)) === 'file') return send(res, 404, page, head);
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(head ? undefined : 'Not found');
}

const server = createServer(async (req, res) => {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.writeHead(405).end();
    return;
  }
  const url = new URL(req.url, 'http://localhost');
  if (failFirst.delete(url.pathname)) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    return;
  }
  if (!url.pathname.startsWith(mount)) return notFound(res, head);
  let rel;
  try {
    rel = decodeURIComponent(url.pathname.slice(mount.length));
  } catch {
    return notFound(res, head);
  }
  const path = resolve(root, rel);
  if (path !== root && !path.startsWith(root + sep)) return notFound(res, head);
  const kind = await fileAt(path);
  if (kind === 'file') return send(res, 200, path, head);
  if (kind === 'dir') {
    if (!url.pathname.endsWith('/')) {
      res.writeHead(301, { location: url.pathname + '/' + url.search }).end();
      return;
    }
    const index = join(path, 'index.html');
    if ((await fileAt(index)) === 'file') return send(res, 200, index, head);
  }
  return notFound(res, head);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} at http://127.0.0.1:${port}${mount}`);
});
