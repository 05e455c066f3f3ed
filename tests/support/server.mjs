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
//   --slashless M, --error-page none: how hosts differ; see "Host models" below.
// Faults, to test how the app copes with a bad network or a bad host. Each may be given more
// than once (one path each); a trailing `@N` limits it to the first N requests for that path, so
// a test can check that "Try again" then works:
//   --status P=CODE      answer HTTP CODE (with a plain-text body)
//   --slow P=MS          wait MS milliseconds before answering
//   --truncate P         declare the full Content-Length, send half the body, cut the connection
//   --body P=FILE        answer with FILE's bytes (relative to the working directory) instead
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { TYPES } from './mime.mjs';

const args = new Map();
const faults = [];
for (let i = 2; i < process.argv.length; i += 2) {
  const [name, value] = [process.argv[i], process.argv[i + 1]];
  if (['--status', '--slow', '--truncate', '--body'].includes(name)) {
    const match = /^(.*?)(?:@(\d+))?$/.exec(value);
    const [path, setting] = name === '--truncate' ? [match[1], ''] : splitOnce(match[1], '=');
    faults.push({ kind: name.slice(2), path, setting, left: match[2] ? Number(match[2]) : Infinity });
  } else {
    args.set(name, value);
  }
}
const root = resolve(args.get('--root') ?? '.');
const port = Number(args.get('--port') ?? 8080);
const mount = args.get('--mount') ?? '/';
const failFirst = new Set(args.has('--fail-first') ? [args.get('--fail-first')] : []);

// ---------------------------------------------------------------- host models (hosts.spec.ts)
// Static hosts agree on files and differ on two things that decide whether deep links work:
//   --slashless redirect|index|404   a folder asked for without its trailing slash (/posts/x):
//     redirect (default)  redirected to /posts/x/: GitHub Pages, Netlify and nginx
//                         (`try_files $uri $uri/`) with 301, Cloudflare Pages with 308, an S3
//                         website endpoint with 302;
//     index               its index.html answers 200 at /posts/x: CloudFront in front of an S3
//                         bucket with the usual viewer-request function that appends
//                         /index.html to extensionless URIs;
//     404                 not found: the same with a function that only appends index.html to
//                         URIs ending in / (there is no object named posts/x), so the error
//                         page answers.
//   --error-page none   a miss is a bare 404 even when 404.html exists: an S3 website or a
//                       bucket without an error document, nginx without `error_page`.
const slashless = args.get('--slashless') ?? 'redirect';
const errorPage = args.get('--error-page') ?? '404.html';
if (!['redirect', 'index', '404'].includes(slashless)) throw new Error(`--slashless ${slashless}?`);
if (!['404.html', 'none'].includes(errorPage)) throw new Error(`--error-page ${errorPage}?`);

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  if (at < 0) throw new Error(`expected PATH${separator}VALUE, got ${text}`);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** The faults that apply to this request, each used up once. */
function faultsFor(pathname) {
  const active = faults.filter((fault) => fault.path === pathname && fault.left > 0);
  for (const fault of active) fault.left -= 1;
  return Object.fromEntries(active.map((fault) => [fault.kind, fault.setting]));
}

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

async function send(res, status, path, head, fault = {}) {
  const body = fault.body !== undefined ? await readFile(fault.body) : await readFile(path);
  res.writeHead(status, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': body.length,
    'cache-control': 'no-cache',
  });
  if (fault.truncate !== undefined && !head) {
    // The browser has the headers and half the body, then the connection drops.
    res.write(body.subarray(0, Math.floor(body.length / 2)));
    setTimeout(() => res.socket?.destroy(), 50);
    return;
  }
  res.end(head ? undefined : body);
}

async function notFound(res, head) {
  const page = join(root, '404.html');
  if (errorPage !== 'none' && (await fileAt(page)) === 'file') return send(res, 404, page, head);
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(head ? undefined : 'Not found');
}

const server = createServer(async (req, res) => {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.writeHead(405).end();
    return;
  }
  // The request target is a path: `//x` is the path `//x`, not a host called x (which would
  // throw for `//` and crash the server).
  const url = new URL(`http://localhost${req.url.startsWith('/') ? '' : '/'}${req.url}`);
  if (failFirst.delete(url.pathname)) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    return;
  }
  const fault = faultsFor(url.pathname);
  if (fault.slow !== undefined) {
    await new Promise((done) => setTimeout(done, Number(fault.slow)));
    // The app gave up and aborted: nobody is listening any more.
    if (res.destroyed || req.socket.destroyed) return;
  }
  if (fault.status !== undefined) {
    res.writeHead(Number(fault.status), { 'content-type': 'text/plain' }).end(`HTTP ${fault.status}`);
    return;
  }
  // A replaced body answers whether or not the site has a file there (a post's own file the
  // fixture site never had).
  if (fault.body !== undefined) return send(res, 200, url.pathname, head, fault);
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
  if (kind === 'file') return send(res, 200, path, head, fault);
  if (kind === 'dir') {
    if (!url.pathname.endsWith('/') && slashless === '404') return notFound(res, head);
    if (!url.pathname.endsWith('/') && slashless === 'redirect') {
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
