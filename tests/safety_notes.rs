//! The three safety notes through the binary: each for its reader, after write, edit, prompt
//! answers and import (one line, no texts), and `safety-note = false` switches them off.

mod common;

use common::TestEnv;

fn stderr_of(env: &TestEnv, args: &[&str]) -> String {
    let out = env.cmd().args(args).write_stdin("").output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn config(env: &TestEnv, text: &str) {
    let dir = env.root().join("xdg-config").join("mend");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), text).unwrap();
}

const HARMED: &str = "someone may be hurting, threatening or controlling";
const HARMING: &str = "want to stop hurting";
const SELF_HARM: &str = "crisis line";

#[test]
fn each_reader_gets_their_own_note() {
    let env = TestEnv::new();
    let cases: [(&str, &[&str], &[&str]); 5] = [
        (
            "I want to end it tonight.",
            &[SELF_HARM],
            &[HARMED, HARMING],
        ),
        (
            "He checks my location every hour and won't let me see my sister.",
            &[HARMED, "mend init --encrypt", "discreet"],
            &[SELF_HARM, HARMING],
        ),
        (
            "I shoved him during the row.",
            &[HARMING, "counsellor"],
            &[HARMED],
        ),
        (
            "This commute is killing me.",
            &[],
            &[SELF_HARM, HARMED, HARMING],
        ),
        (
            "She said she'd hurt me if I left, and I want to die.",
            &[SELF_HARM, HARMED],
            &[HARMING],
        ),
    ];
    for (text, shown, not_shown) in cases {
        let err = stderr_of(&env, &["write", text]);
        for s in shown {
            assert!(err.contains(s), "{text:?} should show {s:?}: {err}");
            assert!(err.contains("may have read yours wrong"), "{err}");
        }
        for s in not_shown {
            assert!(!err.contains(s), "{text:?} should not show {s:?}: {err}");
        }
    }
}

#[test]
fn edit_and_prompt_answers_are_read_too() {
    let env = TestEnv::new();
    stderr_of(&env, &["write", "A calm day."]);
    let err = stderr_of(&env, &["edit", "1", "--text", "He hit me again."]);
    assert!(err.contains(HARMED), "{err}");
    let err = stderr_of(
        &env,
        &["prompt", "--answer", "I can't see the point in going on."],
    );
    assert!(err.contains(SELF_HARM), "{err}");
}

#[test]
fn safety_note_false_switches_the_notes_off_and_a_text_replaces_them() {
    let env = TestEnv::new();
    config(&env, "safety-note = false\n");
    let err = stderr_of(&env, &["write", "I want to die."]);
    assert!(
        !err.contains(SELF_HARM) && !err.contains("emergency"),
        "{err}"
    );
    config(&env, "safety-note = \"Call Sam.\"\n");
    let err = stderr_of(&env, &["write", "He hit me."]);
    assert!(err.contains("Call Sam.") && !err.contains(HARMED), "{err}");
    config(&env, "safety-note = true\n");
    let err = stderr_of(&env, &["write", "He hit me."]);
    assert!(err.contains(HARMED), "{err}");
}

#[test]
fn an_import_says_so_in_one_line_without_the_texts() {
    let env = TestEnv::new();
    let entry = |uuid: &str, body: &str| {
        serde_json::json!({
            "uuid": uuid, "day": "2026-11-01", "created": "2026-11-01T10:00:00Z",
            "updated": "2026-11-01T10:00:00Z", "mood": 3, "feelings": [], "tags": [],
            "prompt": null, "body": body,
        })
    };
    let write = |name: &str, bodies: &[&str]| {
        let entries: Vec<_> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| {
                entry(
                    &format!("00000000-0000-4000-8000-{:06}{i:06}", name.len()),
                    b,
                )
            })
            .collect();
        let doc = serde_json::json!({"format": "mend", "version": 1,
            "exported": "2026-11-01T10:00:00Z", "entries": entries});
        let file = env.root().join(name);
        std::fs::write(&file, doc.to_string()).unwrap();
        file
    };
    let calm = write("calm.json", &["We walked by the river.", "A good talk."]);
    let err = stderr_of(&env, &["import", calm.to_str().unwrap()]);
    assert!(!err.contains("gentle note"), "{err}");
    let hard = write(
        "hard-days.json",
        &["A good talk.", "He choked me on Friday.", "I want to die."],
    );
    let err = stderr_of(&env, &["import", hard.to_str().unwrap()]);
    assert_eq!(err.matches("gentle note").count(), 1, "{err}");
    assert!(
        !err.contains("choked") && !err.contains("want to die"),
        "{err}"
    );
}
