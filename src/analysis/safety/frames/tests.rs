use super::{forms, irregular};
use crate::analysis::{Concern, safety_concerns as concerns};

#[test]
fn inflections_come_from_their_base_forms() {
    let base = |w: &str| {
        let w = irregular(w);
        let mut all = vec![w.to_string()];
        all.extend(forms(w).into_iter().flatten());
        all
    };
    assert!(base("gripped").contains(&"grip".to_string()));
    assert!(base("squeezed").contains(&"squeeze".to_string()));
    assert!(base("calls").contains(&"call".to_string()));
    assert!(base("took").contains(&"take".to_string()));
    assert!(!base("her").contains(&"here".to_string()));
}

#[test]
fn kinds_are_read_both_ways() {
    for (text, want) in [
        (
            "Ryan squeezed my neck till I blacked out.",
            vec![Concern::Harmed],
        ),
        (
            "Gripped his face and squeezed until he stopped talking.",
            vec![Concern::HarmingOthers],
        ),
        (
            "Put a GPS tag in his gym bag without him knowing.",
            vec![Concern::HarmingOthers],
        ),
        (
            "Found a tracker taped under the wheel arch of my car.",
            vec![Concern::Harmed],
        ),
        (
            "I hid a tracker in her car after I found the messages.",
            vec![Concern::HarmingOthers],
        ),
        (
            "I found the tracker he had put under my seat.",
            vec![Concern::Harmed],
        ),
        (
            "Told her that if she calls a solicitor I'll tell the police she hit me, even though she never has.",
            vec![Concern::HarmingOthers],
        ),
        (
            "If he touches me again I'll tell the police he hit me.",
            vec![Concern::Harmed],
        ),
        (
            "she says shell sell the car if i dont give her my card pin by friday",
            vec![Concern::Harmed],
        ),
        (
            "if i just wasnt alive to sit at the table anymore",
            vec![Concern::SelfHarm],
        ),
        (
            "Kept my hand on the hob ring after it went red.",
            vec![Concern::SelfHarm],
        ),
        ("I'm not here next week, I'm in Manchester.", vec![]),
        (
            "I cleared out the whole garage today and I'm exhausted.",
            vec![],
        ),
        ("He kept going even when I said no.", vec![Concern::Harmed]),
        (
            "My husband read my journal with me at counselling because I asked him to.",
            vec![],
        ),
    ] {
        assert_eq!(concerns(text), want, "{text:?}");
    }
}
