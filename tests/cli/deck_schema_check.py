#!/usr/bin/python3
"""Checks slides/lectern-deck.schema.json with a real JSON Schema validator (Debian's python3-jsonschema):
every good deck (the fixtures in tests/decks/valid, the decks and templates Lectern ships, and the fixtures
whose only problems are warnings) is valid, and every invalid fixture whose error is a wrong type, a missing
key, an unknown key or a value out of range or not among the choices is rejected. Decks are read with
Python's own TOML reader (tomllib) and validated as the JSON they map to, as Taplo does.

    deck_schema_check.py SOURCE_DIR
"""
import json
import pathlib
import sys
import tomllib

import jsonschema

# Invalid fixtures the schema rejects, and why (the kind of error lectern check reports).
REJECTED = {
    "answer-outside-options": "range: answer beyond the number of options",
    "bad-aspect": "choice", "bad-column": "missing key, range", "bad-language": "pattern",
    "bad-reveal": "choice", "bad-room": "choice", "bad-theme": "choice", "countdown-out-of-range": "range",
    "duration-out-of-range": "range", "empty-text": "empty text", "image-without-alt": "missing key",
    "invalid-id": "pattern", "key-of-another-layout": "unknown key", "kiosk-out-of-range": "range, type",
    "languages-bad-tags": "pattern, unique items", "translation-key-not-text": "unknown key",
    "translation-not-a-table": "type", "many-problems": "unknown layout, type, range",
    "max-chars-out-of-range": "range", "misplaced-top-level-key": "unknown key",
    "missing-deck-table": "missing key", "missing-deck-title": "missing key", "missing-layout": "missing key",
    "missing-required-key": "missing key", "no-slides": "missing key", "slides-not-a-list": "type",
    "steps-out-of-range": "range", "too-few-options": "range", "too-many-bullets": "range",
    "unknown-deck-key": "unknown key", "unknown-kiosk-key": "unknown key", "unknown-layout": "choice",
    "unknown-slide-key": "unknown key", "unknown-top-level-table": "unknown key",
    "wrong-type-flag": "type", "wrong-type-list-item": "type", "wrong-type-list": "type",
    "wrong-type-number": "type", "wrong-type-table": "type", "wrong-type-text": "type",
}

# Invalid fixtures a schema cannot judge: lectern check finds these.
BEYOND_A_SCHEMA = {
    "duplicate-ids": "ids unique across slides",
    "image-missing": "a file on disk", "image-undecodable": "a file on disk",
    "picture-not-a-file": "a file on disk", "theme-file-device": "a file on disk",
    "theme-file-missing": "a file on disk",
    "invalid-utf8": "not TOML at all", "toml-syntax": "not TOML at all",
    "languages-first-not-language": "two keys that must agree",
    "translation-language-not-listed": "a language listed elsewhere in the deck",
    "translation-own-language": "a language listed elsewhere in the deck",
    "translation-key-not-on-layout": "the slide's layout", "translation-nothing-to-translate": "the slide's own keys",
    "translation-list-length": "the length of the slide's own list",
}


def only_warnings(expected: pathlib.Path) -> bool:
    return all(": warning: " in line for line in expected.read_text().splitlines())


def main() -> int:
    source = pathlib.Path(sys.argv[1])
    schema = json.loads((source / "slides/lectern-deck.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    problems = []

    good = sorted((source / "tests/decks/valid").glob("*.toml")) + sorted((source / "slides").glob("*.toml")) \
        + sorted((source / "slides/templates").glob("*.toml"))
    invalid = source / "tests/decks/invalid"
    good += [deck for deck in sorted(invalid.glob("*.toml")) if only_warnings(deck.with_suffix(".expected"))]
    for deck in good:
        errors = [error.message for error in validator.iter_errors(tomllib.loads(deck.read_text()))]
        if errors:
            problems.append(f"{deck}: a good deck, but the schema says: {errors}")

    for deck in sorted(invalid.glob("*.toml")):
        name = deck.stem
        if only_warnings(deck.with_suffix(".expected")) or name in BEYOND_A_SCHEMA:
            continue
        if name not in REJECTED:
            problems.append(f"{deck}: a new invalid fixture: add it to REJECTED or BEYOND_A_SCHEMA")
            continue
        if validator.is_valid(tomllib.loads(deck.read_text())):
            problems.append(f"{deck}: the schema accepts it, but lectern check rejects it ({REJECTED[name]})")

    for problem in problems:
        print(problem)
    print(f"checked {len(good)} good decks and {len(REJECTED)} invalid ones: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
