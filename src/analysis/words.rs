//! Small closed word classes the reader needs: pronouns and the people they stand for, verbs
//! of saying and looking, and the words that mark time, wishes and everyday subjects. Written
//! for mend; English only, like the lexicons.

/// Who a word refers to, as far as a journal's sentences go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Writer,
    Partner,
    /// A friend, a therapist, the dog: a person or animal who is neither.
    Other,
    /// A thing ("the fridge", "our flat").
    Thing,
    /// An empty subject: "it's hard to trust him", "there was no reason".
    Empty,
}

/// The person a pronoun or noun names, when it names one.
pub fn who(word: &str) -> Option<Who> {
    Some(match word {
        "i" | "i'm" | "im" | "i've" | "ive" | "i'd" | "i'll" | "me" | "myself" | "we" | "we're"
        | "we've" | "we'd" | "we'll" | "us" | "ourselves" => Who::Writer,
        "he" | "he's" | "hes" | "he'd" | "he'll" | "she" | "she's" | "shes" | "she'd"
        | "she'll" | "him" | "himself" | "her" | "herself" | "they" | "they're" | "theyre"
        | "they'd" | "they've" | "them" | "themselves" | "you" | "you're" | "youre" | "you've"
        | "you'd" | "you'll" => Who::Partner,
        "it" | "it's" | "its" | "this" | "there" | "there's" => Who::Empty,
        "these" | "those" | "everything" | "nothing" | "something" => Who::Thing,
        w if is_partner_noun(w) => Who::Partner,
        w if is_other_person(w) => Who::Other,
        _ => return None,
    })
}

/// Possessive determiners, and whose they are.
pub fn possessor(word: &str) -> Option<Who> {
    match word {
        "my" | "our" => Some(Who::Writer),
        "his" | "her" | "their" | "your" => Some(Who::Partner),
        _ => None,
    }
}

pub fn is_article(word: &str) -> bool {
    matches!(
        word,
        "the" | "a" | "an" | "that" | "some" | "any" | "every" | "each"
    )
}

pub fn is_partner_noun(word: &str) -> bool {
    matches!(
        word,
        "partner"
            | "husband"
            | "wife"
            | "boyfriend"
            | "girlfriend"
            | "fiance"
            | "fiancé"
            | "fiancee"
            | "fiancée"
            | "spouse"
            | "bf"
            | "gf"
            | "hubby"
    )
}

pub fn is_other_person(word: &str) -> bool {
    matches!(
        word,
        "therapist"
            | "counsellor"
            | "counselor"
            | "friend"
            | "friends"
            | "mum"
            | "mom"
            | "mother"
            | "dad"
            | "father"
            | "parents"
            | "sister"
            | "brother"
            | "boss"
            | "colleague"
            | "colleagues"
            | "coworker"
            | "manager"
            | "neighbour"
            | "neighbor"
            | "kids"
            | "son"
            | "daughter"
            | "dog"
            | "cat"
            | "puppy"
            | "teacher"
            | "doctor"
            | "dentist"
            | "vet"
            | "waiter"
            | "driver"
            | "landlord"
            | "mechanic"
            | "everyone"
            | "people"
            | "someone"
            | "nobody"
            | "family"
            | "grandmother"
            | "grandfather"
            | "suspect"
    )
}

/// Words that start a new clause: conjunctions and the words that open a reported question.
pub fn opens_clause(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "but"
            | "so"
            | "because"
            | "cause"
            | "when"
            | "whenever"
            | "while"
            | "although"
            | "though"
            | "after"
            | "before"
            | "until"
            | "if"
            | "unless"
            | "whether"
            | "or"
            | "then"
            | "which"
            | "who"
            | "that"
            | "since"
    )
}

/// Words that open a clause the main clause follows: "when he tried to hug me I went stiff".
pub fn subordinates(word: &str) -> bool {
    matches!(
        word,
        "when"
            | "whenever"
            | "because"
            | "cause"
            | "after"
            | "before"
            | "until"
            | "while"
            | "since"
    )
}

/// Subject pronouns, which name the subject of a clause wherever they stand.
pub fn is_nominative(word: &str) -> bool {
    matches!(
        word,
        "i" | "i'm"
            | "im"
            | "i've"
            | "i'd"
            | "i'll"
            | "we"
            | "we're"
            | "we've"
            | "we'd"
            | "we'll"
            | "he"
            | "he's"
            | "he'd"
            | "he'll"
            | "she"
            | "she's"
            | "she'd"
            | "she'll"
            | "they"
            | "they're"
            | "they'd"
            | "they've"
            | "they'll"
    )
}

/// Words after which a subject pronoun goes on the clause rather than starting the main one:
/// "when he says she's at work", "because I don't think I've earned it".
pub fn introduces(word: &str) -> bool {
    reports(word)
        || asks(word)
        || opens_clause(word)
        || matches!(
            word,
            "what"
                | "how"
                | "where"
                | "why"
                | "think"
                | "thinks"
                | "know"
                | "knows"
                | "assume"
                | "hope"
                | "feel"
                | "feels"
                | "guess"
                | "than"
                | "as"
                | "like"
                | "realise"
                | "realize"
                | "notice"
                | "noticed"
                | "hear"
                | "heard"
                | "mean"
                | "means"
                | "says"
                | "swear"
                | "swears"
                | "promise"
                | "promises"
                | "pretend"
                | "pretends"
        )
}

/// Coordinating words: a report ("he said …") does not reach past them.
pub fn coordinates(word: &str) -> bool {
    matches!(word, "and" | "but" | "so" | "then" | "or")
}

/// Verbs that report what someone said, asked or thinks.
pub fn reports(word: &str) -> bool {
    matches!(
        word,
        "said"
            | "says"
            | "say"
            | "saying"
            | "asked"
            | "asks"
            | "ask"
            | "asking"
            | "told"
            | "tells"
            | "tell"
            | "accused"
            | "accuses"
            | "thinks"
            | "think"
            | "thought"
            | "thinking"
            | "believes"
            | "claims"
            | "claimed"
            | "insists"
            | "insisted"
            | "wonders"
            | "wondered"
            | "mentioned"
            | "suggested"
            | "shouted"
            | "yelled"
            | "texted"
            | "wrote"
            | "replied"
            | "admitted"
            | "explained"
            | "convinced"
            | "whispered"
            | "muttered"
            | "snapped"
            | "screamed"
            | "sobbed"
    )
}

/// Object pronouns.
pub fn is_object(word: &str) -> bool {
    matches!(word, "me" | "him" | "her" | "us" | "them")
}

/// Words after which "her" is the person, not her things: "asked her about it".
pub fn follows_object(word: &str) -> bool {
    matches!(
        word,
        "to" | "for"
            | "about"
            | "with"
            | "that"
            | "if"
            | "whether"
            | "again"
            | "and"
            | "but"
            | "a"
            | "an"
            | "the"
            | "so"
            | "up"
            | "out"
            | "back"
            | "off"
            | "in"
            | "on"
            | "at"
            | "i"
            | "how"
            | "what"
            | "why"
            | "too"
            | "more"
            | "less"
    )
}

/// Words of being stung by something, which make what follows the writer's feeling: "I hate
/// it when she flirts".
pub fn smarts(word: &str) -> bool {
    matches!(
        word,
        "hate" | "hated" | "stings" | "stung" | "burns" | "kills" | "bothers" | "bugs" | "upsets"
    )
}

/// Verbs of demanding something ("asked for my passcode").
pub fn demands(word: &str) -> bool {
    matches!(
        word,
        "asked" | "asks" | "ask" | "asking" | "demanded" | "demands" | "begged" | "wanted"
    )
}

/// Nouns of things made about a subject: "a film about jealousy" is no one's jealousy.
pub fn is_topic(word: &str) -> bool {
    matches!(
        word,
        "film"
            | "films"
            | "movie"
            | "book"
            | "books"
            | "article"
            | "documentary"
            | "podcast"
            | "show"
            | "series"
            | "episode"
            | "session"
            | "lecture"
            | "class"
            | "workshop"
            | "chapter"
            | "song"
            | "poster"
            | "video"
            | "study"
            | "paper"
            | "essay"
            | "play"
            | "novel"
            | "thriller"
            | "thrillers"
            | "drama"
            | "comedy"
            | "sitcom"
            | "musical"
    )
}

/// Nouns that make a feeling word part of a thing's name ("security deposit", "trust fund").
pub fn is_compound_head(word: &str) -> bool {
    matches!(
        word,
        "deposit"
            | "code"
            | "guard"
            | "guards"
            | "system"
            | "camera"
            | "cameras"
            | "alarm"
            | "fund"
            | "blanket"
            | "pin"
            | "settings"
    )
}

/// Verbs after which "if" or "whether" opens a question, not a condition.
pub fn asks(word: &str) -> bool {
    matches!(
        word,
        "asked"
            | "asks"
            | "ask"
            | "asking"
            | "wonder"
            | "wondered"
            | "wondering"
            | "know"
            | "knew"
            | "sure"
            | "see"
            | "check"
    ) || word.ends_with("asking")
}

/// Verbs of looking through something ("checked his phone").
pub fn looks(word: &str) -> bool {
    matches!(
        word,
        "read" | "reads" | "reading" | "through" | "at" | "into" | "open" | "opened" | "unlock"
    ) || [
        "check", "look", "scroll", "search", "snoop", "track", "monitor", "stalk", "peek", "glanc",
        "grab", "watch", "scan", "dig", "went", "go", "unlock", "open", "refresh", "follow",
    ]
    .iter()
    .any(|p| word.starts_with(p))
}

/// Verbs of keeping something back: "kept the worst of it to myself".
pub fn keeps(word: &str) -> bool {
    matches!(
        word,
        "kept" | "keep" | "keeps" | "keeping" | "held" | "hold" | "holding" | "holds"
    )
}

/// Words that make what follows a wish or a condition rather than a fact.
pub fn wishes(word: &str) -> bool {
    matches!(
        word,
        "would"
            | "might"
            | "should"
            | "imagine"
            | "wish"
            | "wished"
            | "want"
            | "wants"
            | "wanted"
            | "suppose"
            | "pretend"
            | "tempted"
    )
}

/// Everyday subjects that show a vague word is not about the relationship.
pub fn everyday(word: &str) -> bool {
    matches!(
        word,
        "job"
            | "jobs"
            | "work"
            | "weather"
            | "rain"
            | "forecast"
            | "train"
            | "bus"
            | "plumber"
            | "shop"
            | "store"
            | "car"
            | "mechanic"
            | "bill"
            | "restaurant"
            | "restaurant's"
            | "reviews"
            | "oven"
            | "teacher"
            | "waiter"
            | "motorway"
            | "road"
            | "project"
            | "plan"
            | "manager"
            | "manager's"
            | "landlord"
            | "bank"
            | "card"
            | "total"
            | "price"
            | "plumber's"
            | "test"
            | "exam"
            | "school"
            | "film"
            | "movie"
            | "sugar"
            | "coffee"
            | "tickets"
            | "recipe"
            | "traffic"
            | "fog"
            | "junction"
            | "doors"
            | "tears"
            | "party"
            | "heating"
            | "flat"
            | "house"
            | "money"
            | "deadline"
            | "water"
            | "food"
            | "alarm"
            | "shower"
            | "game"
            | "match"
            | "interview"
            | "diet"
            | "cash"
            | "taxi"
            | "business"
            | "savings"
            | "garage"
            | "wedding"
    )
}

/// Words that show a sentence is about the partner or the relationship.
pub fn relational(word: &str) -> bool {
    matches!(
        word,
        "relationship"
            | "marriage"
            | "affair"
            | "conversation"
            | "conversations"
            | "trust"
            | "love"
            | "cheating"
            | "ex"
            | "together"
            | "hug"
            | "question"
            | "talk"
            | "talking"
    ) || who(word) == Some(Who::Partner)
        || possessor(word) == Some(Who::Partner)
}

/// Words that link a subject to a state ("I felt safe", "so alone").
pub fn links(word: &str) -> bool {
    matches!(
        word,
        "feel"
            | "feels"
            | "felt"
            | "feeling"
            | "am"
            | "i'm"
            | "im"
            | "was"
            | "were"
            | "are"
            | "we're"
            | "been"
            | "be"
            | "get"
            | "got"
            | "getting"
            | "gets"
            | "become"
            | "became"
            | "so"
            | "very"
            | "really"
            | "more"
            | "less"
            | "too"
            | "quite"
            | "completely"
            | "totally"
            | "still"
            | "go"
            | "goes"
            | "went"
            | "gone"
    )
}

/// Adverbs skipped when looking for what stands before a verb ("I really trust him").
pub fn is_adverb(word: &str) -> bool {
    matches!(
        word,
        "really"
            | "still"
            | "completely"
            | "fully"
            | "finally"
            | "actually"
            | "now"
            | "do"
            | "does"
            | "truly"
            | "totally"
            | "just"
            | "again"
            | "more"
            | "today"
            | "mostly"
            | "honestly"
    )
}

/// Words after which "to trust" is the writer's present trust ("starting to trust her").
pub fn begins(word: &str) -> bool {
    matches!(
        word,
        "starting" | "beginning" | "learning" | "able" | "started" | "began" | "learnt" | "learned"
    )
}

/// Days, months and holidays, which are capitalised but name no one.
pub fn is_calendar(word: &str) -> bool {
    matches!(
        word,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "christmas"
            | "easter"
            | "today"
            | "tonight"
            | "yesterday"
            | "tomorrow"
    )
}

/// Words that show a capitalised first word is a name doing something ("Tom went quiet").
pub fn is_verb_after_name(word: &str) -> bool {
    matches!(
        word,
        "went"
            | "was"
            | "is"
            | "has"
            | "had"
            | "said"
            | "says"
            | "asked"
            | "asks"
            | "gets"
            | "got"
            | "keeps"
            | "kept"
            | "told"
            | "needs"
            | "needed"
            | "doesn't"
            | "didn't"
            | "won't"
            | "still"
            | "always"
            | "never"
            | "left"
            | "came"
            | "took"
            | "made"
            | "sat"
            | "stood"
            | "ran"
            | "hid"
            | "shut"
            | "barely"
            | "just"
    ) || (word.len() > 3 && (word.ends_with("ed") || word.ends_with('s')) && !word.ends_with("ss"))
}
