//! The three safety notes, each written for its reader: someone thinking of suicide or
//! self-harm, someone being harmed or controlled, and someone who has harmed a partner. All
//! offline: the notes name places to find help; mend itself never contacts anyone.

use super::Concern;

/// For thoughts of suicide or self-harm: crisis lines and the local emergency number.
const SELF_HARM: &str = "\
A gentle note: what you wrote sounds very heavy, and you do not have to carry it alone.
If you are thinking about ending your life or hurting yourself, please call your local
emergency number now if you might act on it, or talk to a crisis line: free, confidential,
and there at any hour. You can find one for your country at https://findahelpline.com.
mend is a journal, not a crisis service; it only reads words, and it may have read yours wrong.";

/// For someone hurt, threatened, controlled or followed: domestic-abuse help, the emergency
/// number, and a word about who else may read this journal.
const HARMED: &str = "\
A gentle note: what you wrote sounds like someone may be hurting, threatening or controlling
you. You deserve to be safe. If you are in danger now, call your local emergency number. A
domestic abuse helpline can listen and help you plan, in confidence; the international
directory at https://www.hotpeachpages.net lists services in many countries.
If someone who might harm you uses this computer, they may be able to read this journal:
`mend init --encrypt` starts a journal locked with a passphrase (`mend encrypt` locks this
one), and discreet mode (`discreet = true` in the config) keeps mend's reminders and titles
from naming relationships.
mend is a journal, not a crisis service; it only reads words, and it may have read yours wrong.";

/// For someone describing harm done to a partner: help exists, without shame.
const HARMING: &str = "\
A gentle note: what you wrote sounds like you may have hurt, frightened or controlled someone
you love. Writing it down honestly matters. There is help for people who want to stop hurting
a partner: a counsellor who works with this can help you understand what happens and change
it, and many places have programmes for exactly this (https://findahelpline.com can point you
to one). If anyone is in danger right now, call your local emergency number.
mend is a journal, not a crisis service; it only reads words, and it may have read yours wrong.";

/// After an import, in place of a note per entry (no entry is named on screen).
const IMPORTED: &str = "A gentle note: some of the imported entries speak of harm or of not wanting to live. If that is where you are now, please call your local emergency number or find a helpline at https://findahelpline.com (mend only reads words, and it may be wrong).";

pub fn import_line() -> &'static str {
    IMPORTED
}

/// The note for one concern.
pub fn note_text(concern: Concern) -> &'static str {
    match concern {
        Concern::SelfHarm => SELF_HARM,
        Concern::Harmed => HARMED,
        Concern::HarmingOthers => HARMING,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_note_says_mend_may_be_wrong_and_where_help_is() {
        for concern in [Concern::SelfHarm, Concern::Harmed, Concern::HarmingOthers] {
            let note = note_text(concern);
            assert!(note.contains("it only reads words, and it may have read yours wrong"));
            assert!(note.contains("emergency number"), "{concern:?}");
            assert!(note.contains("not a crisis service"), "{concern:?}");
        }
        assert!(note_text(Concern::SelfHarm).contains("crisis line"));
        let harmed = note_text(Concern::Harmed);
        assert!(harmed.contains("mend init --encrypt") && harmed.contains("discreet"));
        assert!(harmed.contains("domestic abuse"));
        let harming = note_text(Concern::HarmingOthers);
        assert!(harming.contains("counsellor") && !harming.contains("someone may be hurting"));
    }
}
