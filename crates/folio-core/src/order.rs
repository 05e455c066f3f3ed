//! Sorting the few lists the app sorts (problems, footnotes, years) with one sort between them.
//!
//! The standard library's stable sort is several KB of wasm for each type it sorts, and the
//! app's render sorted four types: a tenth of the sorting code alone, on every reader's first
//! load. Sorting `(key, position)` pairs instead shares one sort of plain numbers among every
//! caller, and the position keeps it stable.

/// Sorts `items` by `key`, ascending, keeping items with equal keys in their order (as
/// `slice::sort_by_key` does).
pub(crate) fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> usize) {
    let mut order: Vec<(usize, usize)> = items
        .iter()
        .enumerate()
        .map(|(position, item)| (key(item), position))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .into_iter()
            .filter_map(|(_, position)| slots.get_mut(position).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::sort_by_key;

    #[test]
    fn sorts_by_the_key_and_keeps_ties_in_order() {
        let mut words = vec!["bb", "a", "cc", "d", "", "eee"];
        sort_by_key(&mut words, |word| word.len());
        assert_eq!(words, ["", "a", "d", "bb", "cc", "eee"]);
        let mut none: Vec<u8> = Vec::new();
        sort_by_key(&mut none, |&n| usize::from(n));
        assert!(none.is_empty());
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        // Many ties, in a scrambled order (a fixed sequence, so a failure repeats).
        let items: Vec<(usize, usize)> = (0..2_000).map(|i| ((i * 7919) % 13, i)).collect();
        let mut ours = items.clone();
        sort_by_key(&mut ours, |&(key, _)| key);
        let mut std = items;
        std.sort_by_key(|&(key, _)| key);
        assert_eq!(ours, std);
    }
}
