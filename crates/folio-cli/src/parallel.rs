//! Work on every core, results in order.
//!
//! Indexing a site is the same independent job for every post (read, parse, render, write), so
//! `folio index` spreads it over the machine's cores. Results come back in the items' order, so
//! the output (manifest, diagnostics, progress) is exactly what a single thread would produce.
//! Items go in batches: a batch's results are handed on before the next batch starts, so memory
//! stays bounded by a batch, not by the site (100,000 rendered posts would not fit).

use std::num::NonZeroUsize;
use std::thread;

/// Items per thread in one batch: large enough that starting threads costs nothing measurable,
/// small enough that a batch of rendered posts is a few MB.
const PER_THREAD: usize = 64;

/// Calls `work` on every item, spread over the available cores, and `then` on each result in
/// the order of `items`. Stops at the first error `then` returns.
pub(crate) fn for_each_ordered<T, R, E>(
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
    mut then: impl FnMut(&T, R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let threads = thread::available_parallelism().map_or(1, NonZeroUsize::get);
    if threads == 1 || items.len() < 2 {
        for item in items {
            then(item, work(item))?;
        }
        return Ok(());
    }
    let work = &work;
    for batch in items.chunks(threads * PER_THREAD) {
        let share = batch.len().div_ceil(threads);
        let results: Vec<Vec<R>> = thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(share)
                .map(|chunk| scope.spawn(move || chunk.iter().map(work).collect::<Vec<R>>()))
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        for (item, result) in batch.iter().zip(results.into_iter().flatten()) {
            then(item, result)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::for_each_ordered;

    #[test]
    fn results_arrive_in_item_order() {
        let items: Vec<u32> = (0..1000).collect();
        let mut seen = Vec::new();
        for_each_ordered(
            &items,
            |n| n * 2,
            |n, doubled| {
                assert_eq!(*n * 2, doubled);
                seen.push(*n);
                Ok::<(), ()>(())
            },
        )
        .unwrap();
        assert_eq!(seen, items);
    }

    #[test]
    fn the_first_error_stops_the_run() {
        let items: Vec<u32> = (0..1000).collect();
        let mut handed = 0;
        let result = for_each_ordered(
            &items,
            |n| *n,
            |n, _| {
                handed += 1;
                if *n == 300 { Err(*n) } else { Ok(()) }
            },
        );
        assert_eq!(result, Err(300));
        assert_eq!(handed, 301);
    }

    #[test]
    fn no_items_no_calls() {
        let items: Vec<u32> = Vec::new();
        for_each_ordered(
            &items,
            |_| unreachable!(),
            |_, ()| -> Result<(), ()> { unreachable!() },
        )
        .unwrap();
    }
}
