// The static host the benchmarks load pages from: files as they are, a folder's index.html, and
// 404.html for everything else, like tests/support/server.mjs, plus what that server leaves out
// and a real host does: compression. GitHub Pages, Netlify and Cloudflare all compress text and
// wasm, and on the slow profile bytes are most of the time, so serving them raw would measure a
// host nobody uses. Each file is compressed once (brotli when the browser accepts it, else gzip)
// and kept, and the benchmarks make a discarded warm-up load first, so compressing is never timed.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { TYPES } from '../tests/support/mime.mjs';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.md', '.svg', '.xml']);

/** Best compression of each kind, as hosts that precompress (or cache what they compress) serve. */
export const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
export const gzip = (bytes) => gzipSync(bytes, { level: 9 });

/**
 * Files this large are compressed the way hosts compress on the fly (brotli 5, gzip 6): at the
 * best settings the 68 MB manifest of 100,000 posts takes minutes, longer than the app waits
 * for a first byte, and no host spends that on one response.
 */
const LARGE = 4e6;
const served = {
  br: (bytes) =>
    bytes.length > LARGE ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : brotli(bytes),
  gzip: (bytes) => (bytes.length > LARGE ? gzipSync(bytes, { level: 6 }) : gzip(bytes)),
};

async function kind(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : null;
  } catch {
    return null;
  }
}

/**
 * Serves `root` on 127.0.0.1, on a free port (other work on this machine holds fixed ones). A
 * folder asked for without its trailing slash is a miss
 * (404.html answers), as on S3 behind CloudFront: that is how the benchmarks reach the bare app
 * shell at a post's URL. Resolves to `{ url, encodings, close }`; `encodings` counts the
 * Content-Encoding of each response, so the report can say what was served.
 */
export function serve(root) {
  root = resolve(root);
  const cache = new Map();
  const encodings = {};
  const body = async (path, accept) => {
    const encoding = !COMPRESSIBLE.has(extname(path)) ? null : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    const key = `${encoding}:${path}`;
    if (!cache.has(key)) {
      const raw = await readFile(path);
      cache.set(key, encoding ? served[encoding](raw) : raw);
    }
    return { bytes: cache.get(key), encoding };
  };
  const send = async (req, res, status, path) => {
    const { bytes, encoding } = await body(path, req.headers['accept-encoding'] ?? '');
    encodings[encoding ?? 'identity'] = (encodings[encoding ?? 'identity'] ?? 0) + 1;
    const headers = {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'content-length': bytes.length,
      'cache-control': 'no-cache',
    };
    if (encoding) headers['content-encoding'] = encoding;
    res.writeHead(status, headers);
    res.end(bytes);
  };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const path = resolve(root, decodeURIComponent(url.pathname).slice(1));
      const inside = path === root || path.startsWith(root + sep);
      const found = inside ? await kind(path) : null;
      if (found === 'file') return await send(req, res, 200, path);
      if (found === 'dir' && url.pathname.endsWith('/') && (await kind(join(path, 'index.html'))) === 'file') {
        return await send(req, res, 200, join(path, 'index.html'));
      }
      if ((await kind(join(root, '404.html'))) === 'file') return await send(req, res, 404, join(root, '404.html'));
      res.writeHead(404).end();
    } catch {
      if (!res.headersSent) res.writeHead(400);
      res.end();
    }
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () =>
      done({ url: `http://127.0.0.1:${server.address().port}`, encodings, close: () => new Promise((closed) => { server.close(closed); server.closeAllConnections(); }) }),
    );
  });
}
