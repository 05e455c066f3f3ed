//! Render throughput of a large mixed post, for before/after comparisons of the adapter chain.
//!
//! Ignored by default (timings mean something only in release builds):
//!
//! ```sh
//! cargo test --release -p folio-core --test render_speed -- --ignored --nocapture
//! ```

use std::io::Write;
use std::time::{Duration, Instant};

use folio_core::{RenderOptions, render};

/// One section of a post that uses every feature now and then: prose (Latin and CJK), links,
/// bare URLs, emoji shortcodes, math, a table, a list and fenced code in several languages.
const SECTION: &str = r##"## Notes on a small build 笔记

The compiler was slow today, so I read the release notes at https://example.org/notes while it
worked :coffee:. Nothing *surprising*, but the **cache** change matters: see [the summary](./summary.md)
and write to ops@example.org if the mirror at www.example.net lags again.

今天编译很慢，所以我趁机读了更新说明（https://example.com/更新）。缓存的改动很重要 :tada:，
其余的都是小修小补。面积公式是 $A = \pi r^2$，而求和写作

$$\sum_{k=1}^{n} k = \frac{n(n+1)}{2}$$

| Step | Time | Note |
| --- | ---: | --- |
| fetch | 1.2 s | `cargo fetch` |
| build | 48 s | release |

- first item with `inline code`
- second item, a little longer than the first, with a [link](https://example.com/x)

```rust
/// Sums the squares of the even numbers.
fn even_squares(xs: &[i64]) -> i64 {
    let raw = r#"a "quoted" // not a comment"#;
    xs.iter().filter(|x| *x % 2 == 0).map(|x| x * x).sum::<i64>() + raw.len() as i64
}
```

```js
const total = items.reduce((sum, item) => sum + item.price * 1.2, 0); // with tax
console.log(`total: ${total.toFixed(2)}`);
```

```python
def greet(name: str) -> str:
    """Say hello, politely."""
    return f"hello, {name}!"  # a comment
```

```yaml
site:
  title: "A small blog"
  posts_per_page: 10
```

"##;

fn document(bytes: usize) -> String {
    SECTION.repeat(bytes / SECTION.len() + 1)
}

#[test]
#[ignore = "timing; run in release with --ignored"]
fn render_throughput_of_a_large_mixed_post() {
    let markdown = document(2 * 1024 * 1024);
    let options = RenderOptions::new("/posts/");
    let out = render(&markdown, &options);
    assert!(out.html.len() > markdown.len());
    let runs = 15;
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let out = render(&markdown, &options);
            let elapsed = start.elapsed();
            assert!(!out.html.is_empty());
            elapsed
        })
        .collect();
    times.sort();
    // The fastest run is the least disturbed by other work on a shared machine.
    let (best, median) = (times[0], times[runs / 2]);
    let mb = markdown.len() as f64 / (1024.0 * 1024.0);
    let _ = writeln!(
        std::io::stderr(),
        "render: {mb:.2} MiB in {:.1} ms best, {:.1} ms median of {runs}: {:.1} MiB/s",
        best.as_secs_f64() * 1000.0,
        median.as_secs_f64() * 1000.0,
        mb / best.as_secs_f64()
    );
}
