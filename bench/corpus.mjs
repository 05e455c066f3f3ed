// Deterministic Markdown corpus for `make bench`: blog posts of Chinese and English text with YAML
// front matter, headings, lists, tables, code, quotes and images, laid out like public/.
//
// Every byte comes from a seeded PRNG, and post i depends only on (seed, i), so a 1k corpus is the
// first thousand posts of the 100k one and two runs of `make bench` time the same files.
//
//   node bench/corpus.mjs site --posts N --out DIR [--seed S]
//       a content folder: DIR/site.toml, DIR/posts/<year>/<id>.md, DIR/posts/images/*.svg.
//   node bench/corpus.mjs bench --out DIR [--seed-post FILE] [--seed S]
//       DIR/inputs: the render benchmark's inputs, post.md (FILE when it exists, else a generated
//       Chinese post of similar size) and 1mb.md, each with its body (front matter split off)
//       beside it as <name>.body.md, and inputs.json saying what each is;
//       DIR/ttc-content: the site the page-load benchmarks build, that post among 30 generated.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

// ---------------------------------------------------------------- PRNG

/** mulberry32: small, fast and good enough to pick words; the same seed gives the same stream. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** A stream for post `i` of corpus `seed`, independent of every other post. */
const postRng = (seed, i) => rng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35));

// ---------------------------------------------------------------- vocabulary

const EN = (
  'the a of to and in is it that for on with as was at by this be from or have an are not but ' +
  'what all were when we there can your which their said if will each about how up out them then ' +
  'she many some so these would other into has more her two like him see time could no make than ' +
  'first been its who now people my made over did down only way find use may water long little ' +
  'very after words called just where most know get through back much before go good new write ' +
  'our used me man too any day same right look think also around another came come work three ' +
  'word must because does part even place well such here take why things help put years different ' +
  'away again off went old number great tell men say small every found still between name should ' +
  'home big give air line set own under read last never us left end along while might next sound ' +
  'below saw something thought both few those always looked show large often together asked house ' +
  'server browser static page post render markdown index build cache request latency memory ' +
  'network shell manifest slug heading anchor table list image reader writer archive feed'
).split(' ');

const ZH = (
  '我们 你 他们 今天 昨天 明天 时间 世界 生活 工作 朋友 城市 夜晚 早上 雨 风 声音 文字 记忆 ' +
  '故事 问题 答案 方法 技术 模型 数据 网络 浏览器 服务器 页面 文章 标题 段落 列表 表格 代码 图片 ' +
  '读者 作者 博客 静态 渲染 索引 缓存 延迟 内存 性能 速度 体验 设计 系统 用户 社区 孤独 温柔 ' +
  '陪伴 对话 选择 理由 意识 现实 理想 标准 窗口 地铁 屏幕 手机 凌晨 晚安 葬礼 告别 开始 结束 ' +
  '重新 真的 已经 终于 突然 永远 或许 其实 因为 所以 但是 而且 如果 虽然 只是 还是 不是 没有 ' +
  '知道 觉得 发现 明白 理解 记得 希望 需要 可以 应该 愿意 喜欢 害怕 担心 相信 离开 回来 ' +
  '一个 一种 一段 一次 这些 那些 自己 所有 每个 最后 第一 之后 之前 里面 外面 上面 下面'
).split(' ');
const ZH_MID = ['，', '，', '，', '、', '：'];
const ZH_END = ['。', '。', '。', '？', '！'];
const ZH_TERMS = ['GPT-4o', 'WebAssembly', 'Rust', 'Markdown', 'HTTP/2', 'CDN', 'JSON', 'AI', 'OpenAI', 'API'];
const TAGS = [
  'rust', 'wasm', 'web', 'markdown', 'notes', 'travel', 'reading', 'essay', 'design', 'ai',
  'performance', 'css', 'typography', 'life', 'tools', 'linux', 'music', 'photo', 'cooking', 'meta',
  '中文', '随笔', '读书', '旅行', '技术', '生活', '设计', '摄影', '音乐', '工具',
  '前端', '后端', '数据库', '网络', '写作', '电影', '城市', '编程', '笔记', '思考',
];
const LANGS = ['rust', 'js', 'bash', 'toml', 'python', 'json'];
const IMAGES = 6;

// ---------------------------------------------------------------- text

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

function enSentence(r) {
  const words = [];
  const n = r.int(6, 20);
  for (let i = 0; i < n; i++) {
    let w = r.pick(EN);
    const roll = r.next();
    if (roll < 0.03) w = `**${w}**`;
    else if (roll < 0.06) w = `*${w}*`;
    else if (roll < 0.08) w = `\`${w}()\``;
    else if (roll < 0.1) w = `[${w}](https://example.com/${r.pick(EN)}/${r.int(1, 999)})`;
    words.push(w);
  }
  if (n > 10 && r.chance(0.4)) words[r.int(3, n - 3)] += ',';
  return cap(words.join(' ')) + (r.chance(0.9) ? '.' : '?');
}

function zhSentence(r) {
  let s = '';
  const n = r.int(8, 22);
  for (let i = 0; i < n; i++) {
    const roll = r.next();
    if (roll < 0.04) s += r.pick(ZH_TERMS);
    else if (roll < 0.06) s += `“${r.pick(ZH)}${r.pick(ZH)}”`;
    else if (roll < 0.08) s += `**${r.pick(ZH)}${r.pick(ZH)}**`;
    else if (roll < 0.09) s += `${r.int(2, 2025)}年`;
    else s += r.pick(ZH);
    if (i > 2 && i < n - 2 && r.chance(0.12)) s += r.pick(ZH_MID);
  }
  return s + r.pick(ZH_END);
}

const sentence = (r, zh) => (zh ? zhSentence(r) : enSentence(r));

function paragraph(r, zh) {
  const parts = [];
  const n = r.int(2, 6);
  for (let i = 0; i < n; i++) parts.push(sentence(r, zh && !r.chance(0.05)));
  return parts.join(zh ? '' : ' ');
}

function phrase(r, zh, min, max) {
  const n = r.int(min, max);
  const words = [];
  for (let i = 0; i < n; i++) words.push(r.pick(zh ? ZH : EN));
  return zh ? words.join('') : cap(words.join(' '));
}

// ---------------------------------------------------------------- blocks

function list(r, zh) {
  const ordered = r.chance(0.35);
  const task = !ordered && r.chance(0.15);
  const lines = [];
  const n = r.int(3, 7);
  for (let i = 0; i < n; i++) {
    const marker = ordered ? `${i + 1}.` : task ? `- [${r.chance(0.5) ? 'x' : ' '}]` : '-';
    lines.push(`${marker} ${sentence(r, zh)}`);
    if (r.chance(0.15)) {
      for (let j = r.int(1, 3); j > 0; j--) lines.push(`${ordered ? '   ' : '  '}- ${phrase(r, zh, 2, 6)}`);
    }
  }
  return lines.join('\n');
}

function table(r, zh) {
  const cols = r.int(3, 5);
  const rows = r.int(3, 8);
  const head = Array.from({ length: cols }, () => phrase(r, zh, 1, 2));
  const align = Array.from({ length: cols }, (_, i) => (i > 0 && r.chance(0.3) ? '---:' : '---'));
  const lines = [`| ${head.join(' | ')} |`, `| ${align.join(' | ')} |`];
  for (let i = 0; i < rows; i++) {
    const cells = Array.from({ length: cols }, (_, c) => (c > 0 && r.chance(0.4) ? String(r.int(0, 99999)) : phrase(r, zh, 1, 4)));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function code(r) {
  const lang = r.pick(LANGS);
  const lines = [];
  const n = r.int(3, 15);
  for (let i = 0; i < n; i++) {
    const a = r.pick(EN);
    const b = r.pick(EN);
    const indent = ' '.repeat(4 * r.int(0, 2));
    switch (lang) {
      case 'rust': lines.push(`${indent}let ${a}_${i} = ${b}(&input[${i}..]).unwrap_or_default(); // ${r.pick(EN)} <${r.pick(EN)}>`); break;
      case 'js': lines.push(`${indent}const ${a}${i} = await ${b}(\`\${${a}}/${r.int(1, 99)}\`) && x < ${r.int(1, 9)};`); break;
      case 'bash': lines.push(`${indent}${a} --${b} "${r.pick(EN)} ${r.pick(EN)}" | grep -c '${r.pick(EN)}' > /tmp/${a}.log`); break;
      case 'toml': lines.push(`${a}_${b} = ${r.chance(0.5) ? `"${r.pick(EN)}"` : r.int(0, 999)}`); break;
      case 'python': lines.push(`${indent}${a} = [${b}(x) for x in range(${r.int(1, 99)}) if x % ${r.int(2, 9)}]`); break;
      default: lines.push(`${indent}"${a}": { "${b}": ${r.int(0, 999)}, "ok": ${r.chance(0.5)} },`);
    }
  }
  return `\`\`\`${lang}\n${lines.join('\n')}\n\`\`\``;
}

function image(r, zh, depth) {
  const alt = phrase(r, zh, 1, 3);
  if (r.chance(0.5)) {
    // The site's own images (measured at build time); posts sit one folder down, in posts/<year>/.
    const up = '../'.repeat(depth);
    const title = r.chance(0.5) ? ` "${phrase(r, zh, 2, 5)}"` : '';
    return `![${alt}](${up}images/figure-${r.int(1, IMAGES)}.svg${title})`;
  }
  return `![${alt}](https://images.example.com/${r.int(2015, 2025)}/${r.pick(EN)}-${r.int(1, 99999)}.png)`;
}

function quote(r, zh) {
  if (r.chance(0.3)) return `> [!NOTE]\n> ${sentence(r, zh)}`;
  return `> ${paragraph(r, zh)}`;
}

function block(r, zh, depth) {
  const roll = r.next();
  if (roll < 0.55) return paragraph(r, zh);
  if (roll < 0.7) return list(r, zh);
  if (roll < 0.78) return code(r);
  if (roll < 0.85) return table(r, zh);
  if (roll < 0.93) return image(r, zh, depth);
  return quote(r, zh);
}

// ---------------------------------------------------------------- posts

const pad = (n, width) => String(n).padStart(width, '0');
const yamlString = (s) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

function frontMatter(r, zh, title) {
  const tags = new Set();
  for (let i = r.int(1, 4); i > 0; i--) tags.add(r.pick(TAGS));
  const date = `${r.int(2015, 2025)}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}`;
  return [
    '---',
    `title: ${yamlString(title)}`,
    `date: ${date}`,
    `tags: [${[...tags].map(yamlString).join(', ')}]`,
    `description: ${yamlString(sentence(r, zh).replace(/[*`[\]()]/g, ''))}`,
    `author: ${zh ? r.pick(['林小满', '陈一', '舒一笑', '王二']) : r.pick(['Ada', 'Lin', 'Sam Park', 'Noor'])}`,
    '---',
    '',
  ].join('\n');
}

/** Post `i` of corpus `seed`: `{ name, year, text }`. About 1 to 12 KB, half of them Chinese. */
export function post(seed, i, { zh: forceZh, sections: forceSections } = {}) {
  const r = postRng(seed, i);
  const zh = forceZh ?? r.chance(0.5);
  const title = zh ? phrase(r, true, 3, 8) : phrase(r, false, 3, 8);
  const head = frontMatter(r, zh, title);
  const year = head.match(/date: (\d{4})/)[1];
  const blocks = [];
  if (r.chance(0.3)) blocks.push(`# ${title}`);
  blocks.push(paragraph(r, zh));
  const sections = forceSections ?? r.int(1, 7);
  for (let s = 0; s < sections; s++) {
    blocks.push(`${r.chance(0.8) ? '##' : '###'} ${phrase(r, zh, 2, 6)}`);
    for (let b = r.int(1, 5); b > 0; b--) blocks.push(block(r, zh, 1));
  }
  // Closing words unique to the post, so a test can tell its last paragraph from any other.
  blocks.push(zh ? `${paragraph(r, zh)}（第 ${i} 篇，完）` : `${paragraph(r, zh)} (Post ${i}, the end.)`);
  const words = title.split(' ').slice(0, 3).join('-').toLowerCase().replace(/[^a-z-]/g, '');
  const name = zh || !words ? pad(i, 6) : `${pad(i, 6)}-${words}`;
  return { name, year, text: head + blocks.join('\n\n') + '\n' };
}

/** A Chinese post shaped like the seed post (about 6 KB, h3 sections, images between paragraphs). */
export function chinesePost(seed) {
  return post(seed, 1_000_000, { zh: true, sections: 4 }).text;
}

/** One long document of at least `bytes` UTF-8 bytes: front matter, then sections of mixed text. */
export function longDocument(seed, bytes) {
  const r = rng(seed ^ 0x1234567);
  const parts = [frontMatter(r, true, '一份很长的文档：A long document'), `# ${phrase(r, true, 4, 8)}`];
  let size = Buffer.byteLength(parts.join('\n\n'));
  while (size < bytes) {
    const zh = r.chance(0.5);
    const section = [`## ${phrase(r, zh, 2, 6)}`];
    for (let b = r.int(3, 8); b > 0; b--) section.push(block(r, zh, 1));
    const text = section.join('\n\n');
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return parts.join('\n\n') + '\n';
}

/** Front matter split off the way folio-core does for a `---` block at the very start. */
export function body(text) {
  const match = text.match(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/);
  return match ? text.slice(match[0].length) : text;
}

// ---------------------------------------------------------------- writers

function svg(i) {
  const w = 320 + 80 * i;
  const h = 180 + 20 * i;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="${w}" height="${h}" fill="hsl(${i * 50},40%,80%)"/></svg>\n`;
}

/** Writes a content folder of `posts` generated posts (plus `include`, `[file, name]` pairs). */
export function writeSite(out, { posts, seed = 1, include = [] }) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'posts', 'images'), { recursive: true });
  writeFileSync(join(out, 'site.toml'), [
    'title = "Folio bench"',
    'description = "Generated posts for make bench."',
    'author = "Folio bench"',
    'language = "en"',
    'posts_per_page = 10',
    'base_url = "https://bench.example/"',
    '',
  ].join('\n'));
  for (let i = 1; i <= IMAGES; i++) writeFileSync(join(out, 'posts', 'images', `figure-${i}.svg`), svg(i));
  const made = new Set();
  for (let i = 0; i < posts; i++) {
    const { name, year, text } = post(seed, i);
    const dir = join(out, 'posts', year);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(join(dir, `${name}.md`), text);
  }
  for (const [file, name] of include) copyFileSync(file, join(out, 'posts', `${name}.md`));
}

/** Writes the render benchmark's inputs; returns what inputs.json says. */
export function writeInputs(out, { seedPost, seed = 1 }) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const fromSeed = seedPost && existsSync(seedPost);
  const files = {
    post: fromSeed ? readFileSync(seedPost, 'utf8') : chinesePost(seed),
    '1mb': longDocument(seed, 1_000_000),
  };
  const info = {};
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(out, `${name}.md`), text);
    writeFileSync(join(out, `${name}.body.md`), body(text));
    info[name] = { bytes: Buffer.byteLength(text), bodyBytes: Buffer.byteLength(body(text)) };
  }
  info.post.source = fromSeed ? `the seed post (${seedPost})` : 'a generated Chinese post (the seed post is absent)';
  // The name it has on the benchmark site: its own file name, as a writer would publish it.
  info.post.name = fromSeed ? basename(seedPost, '.md') : 'generated-chinese-post';
  info['1mb'].source = 'a generated document';
  writeFileSync(join(out, 'inputs.json'), JSON.stringify(info, null, 2));
  return info;
}

// ---------------------------------------------------------------- command line

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...rest] = process.argv.slice(2);
  const args = new Map();
  for (let i = 0; i < rest.length; i += 2) args.set(rest[i], rest[i + 1]);
  const out = args.get('--out');
  const seed = Number(args.get('--seed') ?? 1);
  if (command === 'site' && out) {
    writeSite(out, { posts: Number(args.get('--posts') ?? 100), seed });
  } else if (command === 'bench' && out) {
    const inputs = join(out, 'inputs');
    const info = writeInputs(inputs, { seedPost: args.get('--seed-post'), seed });
    writeSite(join(out, 'ttc-content'), { posts: 30, seed, include: [[join(inputs, 'post.md'), info.post.name]] });
    console.log(`bench inputs: the post is ${info.post.source}, ${info.post.bytes} bytes; ` +
      `the long document ${info['1mb'].bytes} bytes`);
  } else {
    console.error('usage: corpus.mjs site --posts N --out DIR [--seed S]\n' +
      '       corpus.mjs bench --out DIR [--seed-post FILE] [--seed S]');
    process.exit(2);
  }
}
