//! Every command's `--help` ends with examples; the texts are snapshots so a change to them is
//! reviewed like a change to documentation.

mod common;

use common::folio;

#[test]
fn every_command_has_help_with_examples() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut all = String::new();
    for command in [&[][..], &["new"], &["check"], &["index"], &["import"]] {
        let args = [command, &["--help"]].concat();
        let run = folio(dir.path(), &args);
        assert_eq!(run.code, 0, "{}", run.transcript());
        assert!(
            run.stdout.contains("Examples:\n  folio "),
            "{args:?}: {}",
            run.stdout
        );
        all.push_str(&format!("$ folio {}\n{}\n", args.join(" "), run.stdout));
    }
    insta::assert_snapshot!(all);
}
