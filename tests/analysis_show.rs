//! What the analysis read, end to end: `show --json` and `--why`, corrections with
//! `edit --not-sign/--not-feel` that reindex keeps, and the rebuilding perspective.

mod common;

use common::{TestEnv, assert_one_line_error};

fn signals(env: &TestEnv, id: i64) -> Vec<(String, String)> {
    let conn = env.sql();
    let mut stmt = conn
        .prepare("SELECT kind, name FROM entry_signals WHERE entry_id = ? AND kind != 'theme' ORDER BY kind, name")
        .unwrap();
    stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

fn pair(kind: &str, name: &str) -> (String, String) {
    (kind.to_string(), name.to_string())
}

#[test]
fn show_json_and_why_say_what_was_read_and_whose_it_is() {
    let env = TestEnv::new();
    let id = env.write(&[
        "He said, \"You're being jealous again.\" I used to check his phone. I felt hurt.",
    ]);
    let shown = env.show_json(id);
    let a = &shown["analysis"];
    assert_eq!(a["version"], mend::analysis::ANALYSER_VERSION, "{shown}");
    assert_eq!(a["feelings"], serde_json::json!(["hurt"]), "{a}");
    assert_eq!(a["signs"], serde_json::json!([]), "{a}");
    assert!(a["sentiment"].is_number(), "{a}");
    let readings = a["readings"].as_array().unwrap();
    let find = |name: &str, kind: &str| {
        readings
            .iter()
            .find(|r| r["name"] == name && r["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} {name} in {a}"))
    };
    let jealousy = find("jealousy", "sign");
    assert_eq!(
        (
            &jealousy["holder"],
            &jealousy["words"],
            &jealousy["counted"]
        ),
        (&"other".into(), &"jealous".into(), &false.into())
    );
    let checking = find("checking", "sign");
    assert_eq!(
        (&checking["holder"], &checking["time"]),
        (&"writer".into(), &"stopped".into())
    );
    let why = env.stdout_of(&["show", &id.to_string(), "--why"]);
    assert!(
        why.contains("\"his phone\" → the sign checking: yours, in the past or stopped"),
        "{why}"
    );
    assert!(
        why.contains("\"hurt\" → the feeling hurt: yours, now (counted)"),
        "{why}"
    );
}

#[test]
fn corrections_stop_a_reading_counting_and_survive_reindex() {
    let env = TestEnv::new();
    let id = env.write(&["I was jealous and I trust him more now."]);
    assert_eq!(
        signals(&env, id),
        [
            pair("feeling", "jealousy"),
            pair("feeling", "trust"),
            pair("sign", "jealousy")
        ]
    );
    let out = env.stdout_of(&[
        "edit",
        &id.to_string(),
        "--not-sign",
        "jealousy",
        "--not-feel",
        "trusting",
    ]);
    assert!(out.contains("no longer counts"), "{out}");
    assert_eq!(signals(&env, id), [pair("feeling", "jealousy")]);
    env.stdout_of(&["reindex", "--all"]);
    assert_eq!(signals(&env, id), [pair("feeling", "jealousy")]);
    let shown = env.show_json(id);
    assert_eq!(
        shown["analysis"]["overrides"],
        serde_json::json!([
            {"kind": "feeling", "name": "trust"},
            {"kind": "sign", "name": "jealousy"}
        ])
    );
    let bad = env
        .cmd()
        .args(["edit", &id.to_string(), "--not-sign", "grumpy"])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let line = assert_one_line_error(&bad.stderr);
    assert!(line.contains("doubt, jealousy"), "{line}");
}

#[test]
fn the_rebuilding_perspective_stores_the_partners_signs_as_hers() {
    let env = TestEnv::new();
    let config = env.root().join("xdg-config/mend");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "perspective = \"rebuilding\"\n").unwrap();
    let id = env.write(&["She keeps asking if I still love her. I'm sorry, and I was patient."]);
    assert!(signals(&env, id).is_empty(), "{:?}", signals(&env, id));
    let a = &env.show_json(id)["analysis"];
    assert_eq!(a["accountability"], 2, "{a}");
    let partner: Vec<&serde_json::Value> = a["readings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["holder"] == "partner")
        .collect();
    assert_eq!(partner.len(), 1, "{a}");
    assert_eq!(partner[0]["name"], "reassurance");
    assert_eq!(partner[0]["words"], "keeps asking if i still love");
}

#[test]
fn corrections_travel_with_the_json_export_and_import() {
    let env = TestEnv::new();
    let id = env.write(&["I was jealous and I trust him more now."]);
    env.stdout_of(&[
        "edit",
        &id.to_string(),
        "--not-sign",
        "jealousy",
        "--not-feel",
        "trust",
    ]);
    let plain = env.write(&["A walk by the river."]);
    let file = env.root().join("journal.json");
    env.stdout_of(&["export", "--format", "json", "-o", file.to_str().unwrap()]);
    let exported: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let entries = exported["entries"].as_array().unwrap();
    assert_eq!(
        entries[0]["corrections"],
        serde_json::json!([
            {"kind": "feeling", "name": "trust"},
            {"kind": "sign", "name": "jealousy"}
        ]),
        "{exported}"
    );
    assert!(entries[1].get("corrections").is_none(), "{exported}");

    let other = TestEnv::new();
    other.stdout_of(&["import", file.to_str().unwrap()]);
    assert_eq!(signals(&other, id), [pair("feeling", "jealousy")]);
    assert_eq!(
        other.show_json(id)["analysis"]["overrides"],
        env.show_json(id)["analysis"]["overrides"]
    );
    assert!(other.show_json(plain)["analysis"]["overrides"] == serde_json::json!([]));
    // And they stay corrected when the journal is read again.
    other.stdout_of(&["reindex", "--all"]);
    assert_eq!(signals(&other, id), [pair("feeling", "jealousy")]);

    // A correction naming no known sign stops the import with the reason.
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("\"jealousy\"\n", "\"grumpy\"\n");
    std::fs::write(&file, text).unwrap();
    let third = TestEnv::new();
    let bad = third
        .cmd()
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let line = assert_one_line_error(&bad.stderr);
    assert!(line.contains("grumpy"), "{line}");
}

#[test]
fn a_correction_of_something_never_read_is_said_and_not_recorded() {
    let env = TestEnv::new();
    let id = env.write(&["We walked by the river and I felt calm."]);
    let before = signals(&env, id);
    let out = env.stdout_of(&["edit", &id.to_string(), "--not-sign", "jealousy"]);
    assert_eq!(
        out.trim(),
        format!(
            "Entry {id} has no sign jealousy read in its words as yours, so there is nothing to take back."
        ),
        "{out}"
    );
    let out = env.stdout_of(&["edit", &id.to_string(), "--not-feel", "trust"]);
    assert!(
        out.contains("has no feeling trust read in its words as yours"),
        "{out}"
    );
    assert!(!out.contains("Noted"), "{out}");
    assert_eq!(
        env.show_json(id)["analysis"]["overrides"],
        serde_json::json!([])
    );
    assert_eq!(signals(&env, id), before);
    // The partner's jealousy is not the writer's to take back either; what was read as the
    // writer's is.
    let id = env.write(&["He was jealous all evening. I felt calm."]);
    let out = env.stdout_of(&[
        "edit",
        &id.to_string(),
        "--not-sign",
        "jealousy",
        "--not-feel",
        "calm",
    ]);
    assert!(out.contains("has no sign jealousy read"), "{out}");
    assert!(out.contains("no longer counts"), "{out}");
    assert_eq!(
        env.show_json(id)["analysis"]["overrides"],
        serde_json::json!([{"kind": "feeling", "name": "calm"}])
    );
}
