#!/usr/bin/env python3
"""Generates a synthetic journal for the benchmark, with a fixed seed (standard library only).

Writes the same entries twice:

* a mend JSON export (the exact layout `mend export --format json` writes), for `mend import`;
* a jrnl plain-text journal (`[YYYY-MM-DD HH:MM] Title` then the body, tags as @words).

Entries run over ~27 years ending on END_DAY, days in order (several a day for large journals),
with bodies of 50-200 words, a mood 1-5 (missing for ~10%), 0-3 feelings from mend's list,
0-2 tags and ~20% prompt answers.

    python3 bench/gen.py --entries 10000 --feelings feelings.json --prompts prompts.json \
        --json journal.json --jrnl journal.txt

feelings.json and prompts.json are the output of `mend feelings --json` and
`mend prompts --json`.
"""

import argparse
import datetime as dt
import json
import random
import uuid

SEED = 20261121
END_DAY = dt.date(2026, 11, 20)
SPAN_DAYS = round(27 * 365.25)

# Everyday journaling words, weighted towards the common ones by repetition in the phrases.
PEOPLE = ["Sam", "Alex", "mum", "dad", "my sister", "my brother", "Jo", "Priya", "Chris",
          "the kids", "my friend Maya", "Tom", "our neighbour", "my boss", "Nadia", "Luca"]
PLACES = ["by the river", "in the park", "at the kitchen table", "on the sofa", "in the car",
          "at work", "on the phone", "at the cafe", "in bed", "on the balcony", "at the station",
          "in the garden", "at the supermarket", "on the beach", "at my parents' house",
          "on the bus", "in the office", "at the gym", "by the lake", "in town"]
TIMES = ["this morning", "after dinner", "before work", "at lunch", "late at night",
         "on the way home", "tonight", "in the afternoon", "over breakfast", "at the weekend",
         "yesterday evening", "for a while", "around midnight", "after the meeting",
         "before bed", "first thing"]
THINGS = ["the messages", "my phone", "the bills", "the holiday", "the dishes", "the laundry",
          "the budget", "the garden", "the car", "dinner", "the house", "the weekend plans",
          "the job interview", "the doctor's appointment", "our anniversary", "the wedding",
          "the birthday party", "the dog", "the rent", "the password", "the old photos",
          "the argument", "the promise", "the letter", "her calendar", "his laptop", "the lie",
          "the apology", "the counselling session", "the book I'm reading", "the rain",
          "coffee", "the news", "the train", "the report", "the meeting", "the deadline"]
FEEL_WORDS = ["calm", "tired", "anxious", "hopeful", "jealous", "hurt", "relieved", "angry",
              "sad", "grateful", "scared", "lonely", "safe", "close", "distant", "nervous",
              "proud", "ashamed", "confused", "light", "heavy", "restless", "peaceful",
              "suspicious", "betrayed", "content", "numb", "happy", "worried", "okay"]
VERBS_PAST = ["talked", "walked", "cooked", "argued", "laughed", "cried", "slept", "worked",
              "read", "called", "texted", "listened", "apologised", "waited", "cleaned",
              "shopped", "ran", "wrote", "watched a film", "sat quietly", "made plans",
              "went for a walk", "had coffee", "checked in"]
TRUST_PHRASES = [
    "I wanted to check {p}'s phone and I didn't",
    "{p} said sorry and I think {p} meant it",
    "I still don't fully trust {p} but it is getting easier",
    "we talked about trust {t}",
    "I felt jealous when {p} mentioned an old friend",
    "I am trying to forgive, slowly",
    "{p} was open about where they were, which helped",
    "I noticed I was calm even when {p} was late",
    "we talked {l} about what happened last year",
    "I told {p} I felt hurt and {p} listened",
    "I kept my promise to tell the truth",
    "the counsellor said trust is rebuilt in small steps",
    "I asked {p} for honesty and got it",
    "I said sorry for snapping about {th}",
    "the old fear came back {t} and then it passed",
    "I checked the messages again and felt ashamed afterwards",
    "{p} was transparent about {th} without me asking",
    "forgiving is not the same as forgetting",
    "I felt safe with {p} {t}",
    "we set a boundary about {th}",
    "I was suspicious for no real reason",
    "we kept our weekly check-in",
    "I noticed the urge to snoop and let it go",
    "{p} kept their word about {th}",
    "I'm learning to trust my own judgement again",
]
DAILY_PHRASES = [
    "I {v} {l} {t}",
    "{p} and I {v} {l}",
    "{t} I felt {f}",
    "I spent {t} sorting out {th}",
    "I felt {f} about {th}",
    "{p} called about {th}",
    "work was {w} and I was {f} by the end",
    "the weather was {wx} so we {v} {l}",
    "I {v} with {p} {t}",
    "we had {food} for dinner",
    "I thought about {th} {t}",
    "it was a {w} day",
    "I slept badly and woke up {f}",
    "I went for a walk {l} and felt {f}",
    "{p} made me laugh {t}",
    "I forgot about {th} until {t}",
    "we finally dealt with {th}",
    "I was {f} and did not say much",
    "I wrote down three things I was grateful for",
    "{p} seemed {f} {t}",
]
W = ["long", "short", "busy", "quiet", "slow", "good", "hard", "strange", "ordinary", "calm",
     "stressful", "easy", "tiring", "lovely"]
WX = ["cold", "warm", "grey", "sunny", "windy", "wet", "bright", "mild", "stormy"]
FOOD = ["pasta", "soup", "curry", "takeaway", "leftovers", "pancakes", "fish", "salad",
        "a roast", "noodles", "pizza", "stew"]
JOINERS = [", and ", ", but ", " because ", ". Then ", ", so ", " while ", ". Later "]
TAGS = ["partner"] * 6 + ["work"] * 3 + ["walk"] * 3 + ["family"] * 3 + ["win"] * 2 + \
    ["night", "friends", "therapy", "kids", "health"]
# Feeling families leaning to low and to good moods.
LOW = {"anger", "sadness", "fear", "jealousy", "shame", "hurt", "confusion"}
HIGH = {"hope", "relief", "calm", "love", "gratitude"}


def phrase(rng):
    template = rng.choice(TRUST_PHRASES) if rng.random() < 0.3 else rng.choice(DAILY_PHRASES)
    person = rng.choice(PEOPLE)
    return template.format(
        p=person, l=rng.choice(PLACES), t=rng.choice(TIMES), th=rng.choice(THINGS),
        f=rng.choice(FEEL_WORDS), v=rng.choice(VERBS_PAST), w=rng.choice(W),
        wx=rng.choice(WX), food=rng.choice(FOOD))


def sentence(rng):
    text = phrase(rng)
    if rng.random() < 0.45:
        text += rng.choice(JOINERS) + phrase(rng)
    text = text[0].upper() + text[1:]
    return text + rng.choice([".", ".", ".", ".", "!", "?"])


def body(rng):
    """50-200 words in 1-4 paragraphs."""
    target = rng.randint(50, 200)
    words = 0
    paragraphs = [[]]
    while words < target:
        s = sentence(rng)
        n = len(s.split())
        if words + n > 200:
            s = " ".join(s.split()[: 200 - words]).rstrip(",.!?") + "."
            n = len(s.split())
        paragraphs[-1].append(s)
        words += n
        if words < target and len(paragraphs) < 4 and rng.random() < 0.15:
            paragraphs.append([])
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def iso(t):
    """RFC 3339 UTC as mend writes it: milliseconds, left out when zero."""
    ms = t.microsecond // 1000
    return t.strftime("%Y-%m-%dT%H:%M:%S") + (f".{ms:03d}Z" if ms else "Z")


def entries(n, feelings, prompts, seed=SEED):
    """Yields n entry dicts in the order and shape of mend's JSON export."""
    rng = random.Random(seed)
    families = {f["family"]: f["feelings"] for f in feelings}
    low = [w for fam, ws in families.items() if fam in LOW for w in ws]
    high = [w for fam, ws in families.items() if fam in HIGH for w in ws]
    every = [w for ws in families.values() for w in ws]
    start = END_DAY - dt.timedelta(days=SPAN_DAYS - 1)
    per_day = {}
    for i in range(n):
        per_day.setdefault(i * SPAN_DAYS // n, []).append(i)
    eid = 0
    for offset in sorted(per_day):
        day = start + dt.timedelta(days=offset)
        count = len(per_day[offset])
        minutes = sorted(rng.sample(range(6 * 60, 24 * 60), count))
        for minute in minutes:
            eid += 1
            created = dt.datetime.combine(day, dt.time(minute // 60, minute % 60),
                                          tzinfo=dt.timezone.utc)
            created += dt.timedelta(seconds=rng.randint(0, 59), milliseconds=rng.randint(0, 999))
            updated = created
            if rng.random() < 0.05:
                updated = created + dt.timedelta(minutes=rng.randint(1, 600),
                                                 milliseconds=rng.randint(0, 999))
            mood = None if rng.random() < 0.10 else rng.choices([1, 2, 3, 4, 5],
                                                                [8, 17, 30, 30, 15])[0]
            pool = low if mood is not None and mood <= 2 else high if mood and mood >= 4 else every
            feels = sorted(set(rng.sample(pool, rng.choice([0, 1, 1, 2, 2, 3]))))
            tags = sorted(set(rng.choice(TAGS) for _ in range(rng.choice([0, 0, 1, 1, 1, 2]))))
            prompt = None
            if rng.random() < 0.20:
                p = rng.choice(prompts)
                prompt = {"id": p["id"], "text": p["text"], "theme": p["theme"]}
            yield {
                "id": eid,
                "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "day": day.isoformat(),
                "created": iso(created),
                "updated": iso(updated),
                "mood": mood,
                "feelings": feels,
                "tags": tags,
                "prompt": prompt,
                "path": None,
                "fields": None,
                "body": body(rng),
            }


def jrnl_text(e):
    """One entry in jrnl's plain-text format: title line, body, tags as @words."""
    created = dt.datetime.strptime(e["created"][:16], "%Y-%m-%dT%H:%M")
    text = e["body"]
    first, _, rest = text.partition("\n\n")
    # jrnl's title is the first sentence; the rest of the first paragraph starts the body.
    cut = min((i for i in (first.find(". "), first.find("! "), first.find("? ")) if i >= 0),
              default=-1)
    title, after = (first, "") if cut < 0 else (first[: cut + 1], first[cut + 2:])
    body = "\n\n".join(x for x in (after, rest) if x)
    if e["tags"]:
        body += (" " if body else "") + " ".join("@" + t for t in e["tags"])
    out = f"[{created:%Y-%m-%d %H:%M}] {title}\n"
    if body:
        out += body + "\n"
    return out + "\n"


def write(n, feelings, prompts, json_path=None, jrnl_path=None, exported=None):
    """Writes the files; returns statistics about what was written."""
    exported = exported or f"{END_DAY + dt.timedelta(days=1)}T12:00:00.000Z"
    jf = open(json_path, "w", encoding="utf-8") if json_path else None
    tf = open(jrnl_path, "w", encoding="utf-8") if jrnl_path else None
    stats = {"entries": 0, "words": 0, "body_bytes": 0, "prompts": 0, "no_mood": 0,
             "first_day": None, "last_day": None, "word_counts": {}}
    try:
        if jf:
            jf.write('{\n  "format": "mend",\n  "version": 2,\n'
                     f'  "exported": "{exported}",\n  "entries": [')
        for e in entries(n, feelings, prompts):
            if jf:
                text = json.dumps(e, indent=2, ensure_ascii=False)
                jf.write(("\n" if stats["entries"] == 0 else ",\n")
                         + "\n".join("    " + line for line in text.split("\n")))
            if tf:
                tf.write(jrnl_text(e))
            stats["entries"] += 1
            words = e["body"].split()
            stats["words"] += len(words)
            stats["body_bytes"] += len(e["body"].encode())
            stats["prompts"] += e["prompt"] is not None
            stats["no_mood"] += e["mood"] is None
            stats["first_day"] = stats["first_day"] or e["day"]
            stats["last_day"] = e["day"]
            for w in set(x.strip(".,!?'").lower() for x in words):
                stats["word_counts"][w] = stats["word_counts"].get(w, 0) + 1
        if jf:
            jf.write("\n  ]\n}\n" if stats["entries"] else "]\n}\n")
    finally:
        if jf:
            jf.close()
        if tf:
            tf.close()
    return stats


def jrnl_config(journal_path, version="4.6"):
    """A jrnl.yaml: no colours, no editor, no encryption, minute-resolution times."""
    q = json.dumps(str(journal_path))  # a JSON string is a valid YAML string
    return (
        "colors:\n  body: none\n  date: none\n  tags: none\n  title: none\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {q}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %H:%M'\n"
        f"version: '{version}'\n"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, required=True)
    ap.add_argument("--feelings", required=True, help="output of `mend feelings --json`")
    ap.add_argument("--prompts", required=True, help="output of `mend prompts --json`")
    ap.add_argument("--json", help="where to write the mend JSON import file")
    ap.add_argument("--jrnl", help="where to write the jrnl journal")
    a = ap.parse_args()
    with open(a.feelings, encoding="utf-8") as f:
        feelings = json.load(f)
    with open(a.prompts, encoding="utf-8") as f:
        prompts = json.load(f)
    stats = write(a.entries, feelings, prompts, a.json, a.jrnl)
    stats.pop("word_counts")
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
