//! The search index at scale: a generated site of 10,000 posts (half Chinese, half English,
//! deterministic), indexed as `folio index` does, then queried as the app does. Checks that the
//! shards stay small and that a first query fetches a small fraction of the index, and prints
//! the figures (`cargo test -p folio-core --test search_scale -- --nocapture`; `make
//! bench-search` runs it optimized, for realistic timings).

#![allow(clippy::unwrap_used)]

use std::time::{Duration, Instant};

use folio_core::search::{
    DEFAULT_SHARD_BYTES, Directory, IndexBuilder, Plan, Query, SearchDoc, SearchIndex, Shard,
};

const POSTS: usize = 10_000;

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Rank in `0..n`, rank r drawn with probability about 1/(r+1): word frequencies in text
    /// follow Zipf's law.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1_u64 << 53) as f64;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

/// A generated site: posts newest first, as the manifest lists them.
struct Corpus {
    english: Vec<String>,
    chinese: Vec<String>,
    posts: Vec<Post>,
}

struct Post {
    slug: String,
    title: String,
    tags: Vec<String>,
    body: String,
}

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "be", "da", "fi", "go", "ha", "ju", "ke", "la",
    "mo", "nu", "pa", "re", "si", "to", "ve", "zo",
];

impl Corpus {
    /// `posts` posts of about `words` words each on average (a Chinese word is one to three
    /// characters).
    fn generate(posts: usize, words: usize) -> Self {
        let mut rng = Rng(0x5eed_f011_0000_0001);
        // 20,000 English words, made of 2 to 4 syllables, unique by construction.
        let english: Vec<String> = (0..20_000_usize)
            .map(|mut i| {
                let mut word = String::new();
                loop {
                    word.push_str(SYLLABLES[i % SYLLABLES.len()]);
                    i /= SYLLABLES.len();
                    if i == 0 && word.len() >= 4 {
                        break word;
                    }
                }
            })
            .collect();
        // 20,000 Chinese words of one to three characters from 3,500 characters, common ones
        // more often.
        let chinese: Vec<String> = (0..20_000)
            .map(|_| {
                let len = 1 + rng.below(3);
                (0..len)
                    .map(|_| char::from_u32(0x4E00 + rng.zipf(3_500) as u32).unwrap())
                    .collect()
            })
            .collect();
        let tags: Vec<String> = (0..200).map(|i| format!("tag{i}")).collect();
        let mut corpus = Self {
            english,
            chinese,
            posts: Vec::with_capacity(posts),
        };
        for i in 0..posts {
            let zh = i % 2 == 0;
            let title_words = 3 + rng.below(5);
            let title = corpus.sentence(&mut rng, zh, title_words);
            let body_words = words / 2 + rng.below(words);
            let body = corpus.body(&mut rng, zh, body_words);
            let post_tags = (0..1 + rng.below(3))
                .map(|_| tags[rng.zipf(tags.len())].clone())
                .collect();
            corpus.posts.push(Post {
                slug: format!("post-{i}"),
                title,
                tags: post_tags,
                body,
            });
        }
        corpus
    }

    fn word(&self, rng: &mut Rng, zh: bool) -> &str {
        if zh {
            &self.chinese[rng.zipf(self.chinese.len())]
        } else {
            &self.english[rng.zipf(self.english.len())]
        }
    }

    fn sentence(&self, rng: &mut Rng, zh: bool, words: usize) -> String {
        let mut out = String::new();
        for w in 0..words {
            if !zh && w > 0 {
                out.push(' ');
            }
            out.push_str(self.word(rng, zh));
        }
        out
    }

    /// Sentences of 4 to 15 words; Chinese text now and then names an English word, as
    /// Chinese technical writing does.
    fn body(&self, rng: &mut Rng, zh: bool, words: usize) -> String {
        let mut out = String::new();
        let mut left = words;
        while left > 0 {
            let n = (4 + rng.below(12)).min(left);
            left -= n;
            out.push_str(&self.sentence(rng, zh, n));
            if zh && rng.below(4) == 0 {
                out.push(' ');
                out.push_str(self.word(rng, false));
                out.push(' ');
            }
            out.push_str(if zh { "。" } else { ". " });
        }
        out
    }

    fn index(&self) -> SearchIndex {
        let mut builder = IndexBuilder::new();
        for post in &self.posts {
            builder.add(&SearchDoc {
                path: &post.slug,
                title: &post.title,
                tags: &post.tags,
                body: &post.body,
            });
        }
        builder.finish(DEFAULT_SHARD_BYTES)
    }
}

/// What one query cost.
struct Cost {
    query: String,
    shards: usize,
    /// Bytes of JSON: the meta file, directories, shards and the docs files of the first ten
    /// results (their own `post.json` files are not counted here).
    bytes: usize,
    hits: usize,
    /// Bytes of the Markdown of the first ten results, fetched for their snippets.
    snippet_bytes: usize,
    time: Duration,
}

fn run(index: &SearchIndex, corpus: &Corpus, meta_bytes: usize, query: &str) -> Cost {
    let started = Instant::now();
    let query_parsed = Query::parse(query);
    let all_dirs = index.directories().unwrap();
    let dir_numbers = index.meta.dirs_for(&query_parsed);
    let dirs: Vec<Directory> = dir_numbers.iter().map(|&j| all_dirs[j].clone()).collect();
    let plan = Plan::new(&index.meta, &dirs, &query_parsed).unwrap();
    let needed = plan.shards();
    let loaded: Vec<(usize, Shard)> = needed
        .iter()
        .map(|&i| (i, Shard::from_json(&index.shards[i]).unwrap()))
        .collect();
    let hits = plan
        .run(|i| loaded.iter().find(|(j, _)| *j == i).map(|(_, shard)| shard))
        .unwrap();
    let time = started.elapsed();
    let mut docs_files: Vec<usize> = hits
        .iter()
        .take(10)
        .map(|hit| index.meta.docs_of(hit.doc).0)
        .collect();
    docs_files.dedup();
    let dir_bytes: usize = dir_numbers
        .iter()
        .filter_map(|&j| index.dirs.get(j))
        .map(String::len)
        .sum();
    let docs_bytes: usize = docs_files.iter().map(|&k| index.docs[k].len()).sum();
    let snippet_bytes = hits
        .iter()
        .take(10)
        .map(|hit| corpus.posts[hit.doc as usize].body.len() + 200)
        .sum();
    Cost {
        query: query.to_owned(),
        shards: needed.len(),
        bytes: meta_bytes
            + dir_bytes
            + docs_bytes
            + needed.iter().map(|&i| index.shards[i].len()).sum::<usize>(),
        hits: hits.len(),
        snippet_bytes,
        time,
    }
}

/// Builds the index of `POSTS` generated posts of about `words` words, runs typical queries,
/// prints what each fetched and checks the bounds.
fn measure(words: usize) {
    let started = Instant::now();
    let corpus = Corpus::generate(POSTS, words);
    let generated = started.elapsed();
    let started = Instant::now();
    let index = corpus.index();
    let built = started.elapsed();

    let meta_bytes = index.meta.to_json().len();
    let total = meta_bytes + index.files().map(|(_, json)| json.len()).sum::<usize>();
    let corpus_bytes: usize = corpus.posts.iter().map(|p| p.body.len()).sum();
    let mut sizes: Vec<usize> = index.shards.iter().map(String::len).collect();
    sizes.sort_unstable();
    let largest = sizes.last().copied().unwrap_or_default();
    let median = sizes[sizes.len() / 2];

    println!(
        "search index for {POSTS} generated posts of about {words} words ({:.1} MB of text):",
        corpus_bytes as f64 / 1e6
    );
    println!("  generated in {generated:.2?}, indexed in {built:.2?}");
    println!(
        "  {} shards in {} directories, {:.2} MB in all; meta.json {:.1} KB; shards: median {:.1} KB, largest {:.1} KB",
        index.shards.len(),
        index.meta.dirs.len(),
        total as f64 / 1e6,
        meta_bytes as f64 / 1e3,
        median as f64 / 1e3,
        largest as f64 / 1e3
    );

    // Typical queries: words of middling and high frequency, Chinese pairs and single
    // characters (the most common character is the worst case), mixed, and a prefix.
    let en = |rank: usize| corpus.english[rank].clone();
    let zh = |rank: usize| corpus.chinese[rank].clone();
    let queries = [
        en(300),
        format!("{} {}", en(40), en(2_000)),
        en(0),
        en(120)[..3].to_owned(),
        zh(200),
        format!("{} {}", zh(30), zh(900)),
        '\u{4E00}'.to_string(),
        format!("{} {}", en(10), zh(60)),
    ];
    println!(
        "  {:<16} {:>6} {:>13} {:>9} {:>8} {:>14} {:>9}",
        "query", "shards", "fetched (KB)", "of index", "results", "snippets (KB)", "time"
    );
    for query in &queries {
        let cost = run(&index, &corpus, meta_bytes, query);
        let share = cost.bytes as f64 / total as f64;
        println!(
            "  {:<16} {:>6} {:>13.1} {:>8.2}% {:>8} {:>14.1} {:>9.2?}",
            cost.query,
            cost.shards,
            cost.bytes as f64 / 1e3,
            share * 100.0,
            cost.hits,
            cost.snippet_bytes as f64 / 1e3,
            cost.time
        );
        assert!(cost.hits > 0, "{query} finds nothing");
        assert!(
            share < 0.05,
            "{query} fetches {} of {total} bytes",
            cost.bytes
        );
    }

    assert!(index.shards.len() > 20, "a site this size is sharded");
    assert!(
        largest <= 2 * DEFAULT_SHARD_BYTES,
        "the largest shard has {largest} bytes"
    );
    assert!(meta_bytes < total / 100, "meta.json has {meta_bytes} bytes");
}

#[test]
fn a_first_query_on_ten_thousand_short_posts_fetches_a_small_fraction_of_the_index() {
    measure(40);
}

/// Posts of blog length (about 400 words, 800 characters of Chinese): slow unoptimized, so
/// `make bench-search` runs it in release mode.
#[test]
#[ignore = "takes a minute unoptimized; run with `make bench-search`"]
fn a_first_query_on_ten_thousand_full_length_posts_fetches_a_small_fraction_of_the_index() {
    measure(400);
}

#[test]
fn a_small_site_is_one_shard() {
    let corpus = Corpus::generate(8, 40);
    let index = corpus.index();
    assert_eq!(index.shards.len(), 1);
    let cost = run(
        &index,
        &corpus,
        index.meta.to_json().len(),
        &corpus.english[0],
    );
    assert!(cost.hits > 0);
}
