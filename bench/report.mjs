// Turns this run's results (bench/.work/results/*.json, written by the other steps) into the tables
// `make bench` prints, and writes the same text into README.md between the bench markers, so the
// README's figures are always the output of the last run of the command, never typed by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, load } from './stats.mjs';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

const int = (n) => Math.round(n).toLocaleString('en-US');
const one = (n) => n.toFixed(1);
const kb = (bytes) => (bytes / 1000).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const mb = (bytes) => (bytes / 1e6).toFixed(2);
const times = (ratio) => `${ratio.toFixed(2)}×`;
const percent = (ratio) => `${Math.round(ratio * 100)}%`;
const verdict = (ok) => (ok ? 'met' : '**missed**');
const row = (cells) => `| ${cells.join(' | ')} |`;
const table = (head, align, rows) => [row(head), row(align), ...rows.map(row)].join('\n');

function renderSection(render) {
  const { post, '1mb': long } = render.inputs;
  const v = render.versions;
  const rows = [
    [`The post (${kb(post.bytes)} KB)`, post],
    [`Long document (${mb(long.bytes)} MB)`, long],
  ].map(([label, input]) => {
    const m = input.mbps;
    return [label, one(m['native-render']), one(m['folio-render']), one(m['native-parse']), one(m['folio-parse']), one(m.marked), one(m['markdown-it'])];
  });
  const ratio = (input, a, b) => input.mbps[a] / input.mbps[b];
  const nativeGap = [post, long].map((input) => ratio(input, 'native-render', 'folio-render'));
  const overMarked = [post, long].map((input) => ratio(input, 'folio-render', 'marked'));
  return [
    '**Render throughput**, MB of Markdown per second (higher is better). Browser: the median of ' +
      `${render.rounds} rounds that take turns in one page; native: criterion's median. The post is ` +
      `${post.source.replace(/ \(.*\)$/, '')}; the long document is generated (bench/corpus.mjs). ` +
      '`render` is the body to sanitized HTML with default options, as the app renders an indexed post ' +
      '(no excerpt or reading time: the index has them; marked and markdown-it: their defaults, no ' +
      'sanitizing); `Post::parse` is the whole file, front matter, excerpt and reading time included.',
    '',
    table(
      ['Input', 'Folio native `render`', 'Folio wasm `render`', 'Folio native `Post::parse`', 'Folio wasm `Post::parse`', `marked ${v.marked}`, `markdown-it ${v['markdown-it']}`],
      ['---', '---:', '---:', '---:', '---:', '---:', '---:'],
      rows,
    ),
    '',
    `Goals: wasm within 2× of native (at least 50% of native speed): wasm \`render\` runs at ` +
      `${percent(1 / nativeGap[0])} and ${percent(1 / nativeGap[1])} of native (${verdict(Math.max(...nativeGap) <= 2)}); ` +
      `wasm at least as fast as marked on the post: ${times(overMarked[0])} (${verdict(overMarked[0] >= 1)}); ` +
      `at least 2× marked on the long document: ${times(overMarked[1])} (${verdict(overMarked[1] >= 2)}).`,
  ].join('\n');
}

function ttcSection(ttc) {
  const p = ttc.pages;
  const names = {
    static: 'Static HTML page (the limit)',
    shell: 'Folio, per-post shell',
    fallback: "Folio, 404.html painting the post's shell",
    runtime: 'Folio, 404.html with no shell: the renderer alone, then the app',
    renderer: 'Folio, 404.html with no shell, bound: the renderer alone and nothing else (not a page Folio serves)',
    docsify: 'Docsify 5 (same Markdown)',
  };
  const rows = Object.entries(names).filter(([id]) => p[id]).map(([id, name]) => [
    name,
    int(p[id].unthrottled),
    int(p[id].slow),
    `${times(p[id].unthrottled / p.static.unthrottled)} / ${times(p[id].slow / p.static.slow)}`,
  ]);
  rows.push([
    'Folio shell: the app takes over',
    int(p.shell.unthrottledAppReady),
    int(p.shell.slowAppReady),
    'not content: when the app replaced the first paint',
  ]);
  const within = (id) => p[id].unthrottled <= 1.2 * p.static.unthrottled && p[id].slow <= 1.2 * p.static.slow;
  const ahead = (id) => p[id].unthrottled < p.docsify.unthrottled && p[id].slow < p.docsify.slow;
  const encodings = [...new Set(Object.values(ttc.encodings).flatMap((e) => Object.keys(e)))].join(', ');
  return [
    '**Time to content** of the post\'s deep link, ms from the start of navigation until its last ' +
      `paragraph is in the DOM (lower is better); cold cache, median of ${ttc.runs} runs each. Slow: ` +
      `150 ms round trip, 1.6 Mbit/s down, 0.75 up, CPU slowed 4×. Served from loopback with ` +
      `compression (${encodings}). "404.html" is the post's URL without its trailing slash, which ` +
      'no file answers, so the host serves 404.html, the bare app shell, as S3 behind CloudFront ' +
      "does: its script fetches the post's shell by file name and paints it before the app arrives. " +
      '"No shell" is the same on a copy of the site without the post\'s shell, as for a post the ' +
      'build never saw: the script renders the Markdown with the renderer alone (the unindexed ' +
      'module: see Sizes) into the app\'s post page while it holds the app back, then lets the ' +
      'app start, which takes over. The bound is the same 404.html with only that module and ' +
      'the Markdown, fetched at once, and nothing else: no look for the shell, no app.',
    '',
    table(['Page', 'Unthrottled', 'Slow', 'vs static (unthrottled / slow)'], ['---', '---:', '---:', '---'], rows),
    '',
    `Goals: within 1.2× of the static page in both profiles: shell ${verdict(within('shell'))}; ` +
      `ahead of Docsify in both: shell ${verdict(ahead('shell'))}, ` +
      `404.html ${p.fallback ? verdict(ahead('fallback')) : 'not measured'}, no shell ` +
      `${verdict(ahead('runtime'))}.`,
  ].join('\n');
}

function navSection(nav) {
  const list = (paths) => (paths.length ? paths.map((path) => `\`${path}\``).join(', ') : 'none');
  return [
    `**Navigation** from the post to its neighbour (\`${nav.target}\`) in the app, on loopback: ms from ` +
      `the click until the neighbour's last paragraph is in the DOM; median of ${nav.runs} cold sessions.`,
    '',
    table(['Click', 'ms', 'Requests'], ['---', '---:', '---'], [
      ['Straight away', one(nav.direct), `after the click: ${list(nav.requests.direct.afterClick)}`],
      [`After the pointer rested on the link for ${nav.hoverMs / 1000} s`, one(nav.hovered),
        `while hovering: ${list(nav.requests.hovered.duringHover)}; after the click: ${list(nav.requests.hovered.afterClick)}`],
    ]),
  ].join('\n');
}

function scaleSection(scale) {
  const sizes = Object.entries(scale.sizes).map(([posts, s]) => ({ posts: Number(posts), ...s }));
  const rows = sizes.map((s) => [
    int(s.posts),
    s.wall.toFixed(2),
    s.eleventy ? s.eleventy.wall.toFixed(2) : '—',
    s.user === null ? 'not measured' : s.user.toFixed(2),
    s.system === null ? 'not measured' : s.system.toFixed(2),
    (s.wall / s.posts * 1000).toFixed(2),
    s.peakMB === null ? 'not measured' : int(s.peakMB),
    int(s.siteMB),
    `${mb(s.manifest.raw)} / ${mb(s.manifest.gzip)} / ${mb(s.manifest.brotli)}`,
    s.homeAppReady === undefined ? '—' : `${int(s.homeFirstPaint)} / ${int(s.homeAppReady)}`,
    s.homeJson === undefined ? '—' : `${s.homeJson.files.map((f) => `\`${f.replace(/^\//, '')}\``).join(', ')}: ${kb(s.homeJson.raw)} / ${kb(s.homeJson.brotli)}`,
    s.search ? `${int(s.search.ms)} ms, ${kb(s.search.bytes)} KB` : s.hasSearch ? '—' : 'no search index',
  ]);
  const tenK = scale.sizes[10000];
  const growth = (key) => {
    const first = sizes[0];
    const last = sizes[sizes.length - 1];
    return first[key] === null ? null : last[key] / last.posts / (first[key] / first.posts);
  };
  const wallGrowth = growth('wall');
  const userGrowth = growth('user');
  const noSearch = sizes.every((s) => !s.hasSearch);
  return [
    '**Scale**: `folio index` with shells (what the build runs) on generated posts; wall time is the ' +
      `median of ${Object.entries(scale.runs).map(([n, r]) => `${r} run${r > 1 ? 's' : ''} at ${int(n)}`).join(', ')}; ` +
      'user and system are CPU seconds, peak memory is the maximum resident set (GNU time), written is the size of the ' +
      'site it wrote, content copy included. Eleventy 3 built the same posts (Markdown to pages with no layout: ' +
      'less than Folio writes; its Node heap raised to 12 GB, since the default runs out at 100,000 posts). Home: ms to the first paint ' +
      `(the shell's first card) / until the app has taken over, cold, median of ${scale.browserRuns}. ` +
      `Search: a cold search page for ${(sizes.find((s) => s.search)?.search.queries ?? []).map((q) => `\`${q}\``).join(' or ')}, ` +
      `ms until its results show and the bytes of \`search/\` files it fetched, as transferred (compressed); the median of ${scale.browserRuns} loads of each together.`,
    '',
    table(
      ['Posts', 'Wall (s)', 'Eleventy 3 wall (s)', 'User (s)', 'System (s)', 'Wall ms per post', 'Peak memory (MB)', 'Written (MB)', 'index.json MB raw / gzip / brotli', 'Home (ms)', 'JSON the home page fetches, KB raw / brotli', 'Search'],
      ['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---'],
      rows,
    ),
    '',
    `Goals: 10k posts under 2 s: ${tenK ? `${one(tenK.wall)} s (${verdict(tenK.wall < 2)})` : 'not run'}; linear ` +
      `(time per post growing less than 1.5× from ${int(sizes[0].posts)} to ${int(sizes[sizes.length - 1].posts)} posts): ` +
      `wall time per post ${times(wallGrowth)} (${verdict(wallGrowth < 1.5)})` +
      (userGrowth === null ? '' : `, user time per post ${times(userGrowth)} (${verdict(userGrowth < 1.5)})`) +
      '; the rest of the wall time is the file system writing the site (the "Written" column), which ' +
      'other work on the machine slows down. The manifest is one file of every post; the home page ' +
      'fetches only its own page of it (`posts/pages/<n>.json`), search its index\'s meta file, one directory, ' +
      'a shard per term, and the docs files and own `post.json` of the results it shows, ' +
      'and a post page its own `post.json`; no page fetches the manifest.' +
      (noSearch ? ' Search was not measured: the build has no `search/` index yet.' : ''),
    ...perPageSection(sizes),
  ].join('\n');
}

/** The JSON each kind of page fetched on a cold hard load, at each size the browser ran. */
function perPageSection(sizes) {
  const measured = sizes.filter((s) => s.perPage);
  if (measured.length === 0) return [];
  const kinds = ['home', 'post', 'tags', 'tag', 'archive', 'search'];
  const names = { home: 'Home page', post: 'A post', tags: 'Tag list', tag: 'Most used tag', archive: 'Archive', search: 'A search' };
  const rows = kinds.map((kind) => [names[kind], ...measured.map((s) => (s.perPage[kind] ? kb(s.perPage[kind].bytes) : '—'))]);
  const worst = measured[measured.length - 1];
  const [kind, most] = Object.entries(worst.perPage).sort((a, b) => b[1].bytes - a[1].bytes)[0];
  return [
    '',
    'JSON a page fetches on a cold hard load until the network is quiet, KB as served (before compression):',
    '',
    table(['Page', ...measured.map((s) => `${int(s.posts)} posts`)], ['---', ...measured.map(() => '---:')], rows),
    '',
    `Goal: no page fetches more than 100 KB of JSON at ${int(worst.posts)} posts: the most is ${names[kind].toLowerCase()}, ` +
      `${kb(most.bytes)} KB (${verdict(most.bytes <= 100_000)}).`,
  ];
}

function sizesSection(sizes) {
  const names = {
    html: 'The post\'s shell (html)',
    js: 'App js',
    snippet: 'The js snippets the wasm imports',
    wasm: 'App wasm',
    css: 'CSS',
    'post.json': `The post's own file (post.json; the site has ${sizes.posts} posts)`,
    md: 'The post (md)',
  };
  const rows = Object.entries(names).map(([id, name]) => {
    const s = sizes.files[id];
    return [name, kb(s.raw), kb(s.gzip), kb(s.brotli)];
  });
  const t = sizes.total;
  rows.push(['**First load of a post**', `**${kb(t.raw)}**`, `**${kb(t.gzip)}**`, `**${kb(t.brotli)}**`]);
  const what = { math: 'math', code: 'highlighting', emoji: 'emoji' };
  for (const [extra, x] of Object.entries(sizes.extras)) {
    const label = extra === 'search'
      ? 'The search module (js and wasm: the index\'s reader), only for a search'
      : extra === 'unindexed'
        ? 'The unindexed module (js, snippet and wasm: the renderer alone), only on 404.html for a post address'
        : `The ${extra} module (js and wasm: ${what[extra]}), only for a post that has it`;
    rows.push([label, kb(x.raw), kb(x.gzip), kb(x.brotli)]);
  }
  const code = sizes.extras.code;
  rows.push(['First load of a post with code', kb(t.raw + code.raw), kb(t.gzip + code.gzip), kb(t.brotli + code.brotli)]);
  rows.push(['folio-core\'s renderer alone (the benchmark\'s wasm; not part of the site)', kb(sizes.renderer.raw), kb(sizes.renderer.gzip), kb(sizes.renderer.brotli)]);
  if (sizes.docsify) {
    const d = sizes.docsify;
    rows.push(['Docsify 5\'s script, for comparison (docsify.min.js: marked and the app)', kb(d.raw), kb(d.gzip), kb(d.brotli)]);
  }
  return [
    '**Sizes**, KB (1 KB = 1000 bytes): gzip level 9, brotli quality 11.',
    '',
    table(['File', 'Raw', 'gzip', 'brotli'], ['---', '---:', '---:', '---:'], rows),
    '',
    `Budget: first load under 250 KB brotli: ${kb(t.brotli)} KB (${verdict(t.brotli < 250_000)}).`,
  ].join('\n');
}

function main() {
  const run = load('run');
  const render = load('render');
  const text = [
    `Measured by \`make bench\` on ${run.date}: ${run.cpus}× ${run.cpu}, load average ${run.loadBefore.toFixed(1)} ` +
      `before and ${run.loadAfter.toFixed(1)} after (the machine is shared: figures move between runs, ` +
      `hence medians), Chromium ${render.chromium}, Node ${run.node}; the measurements took ${one(run.minutes)} min.`,
    '',
    renderSection(render),
    '',
    ttcSection(load('ttc')),
    '',
    navSection(load('nav')),
    '',
    scaleSection(load('scale')),
    '',
    sizesSection(load('sizes')),
  ].join('\n');
  console.log(text);
  const readme = join(ROOT, 'README.md');
  const current = readFileSync(readme, 'utf8');
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block to write into`);
  writeFileSync(readme, `${current.slice(0, start + START.length)}\n${text}\n${current.slice(end)}`);
  console.log('\nREADME.md: the table between the bench markers is rewritten.');
}

main();
