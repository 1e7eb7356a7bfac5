#!/usr/bin/env python3
"""Validate `markbench mark --format json` output against docs/report-schema.json.

Usage: validate-report-json.py SCHEMA FILE...

Each FILE holds one or more JSON documents one after another (the CLI prints one
pretty-printed document per account). Every document is validated with the
JSON Schema (draft 2020-12), then checked for invariants a schema cannot express:
every evidence object has 0 <= start <= end, line >= 1 and column >= 1.

Prints "FILE: N documents valid" for a clean file, or one line per error with
its JSON path. Exit status: 0 all valid, 1 any invalid document or unreadable
input, 2 usage error (wrong arguments, unreadable or invalid schema, jsonschema
not installed).
"""

import json
import sys

EVIDENCE_KEYS = {"start", "end", "line", "column", "quote"}


def usage(message=None):
    if message:
        print(f"validate-report-json.py: {message}", file=sys.stderr)
    print("usage: validate-report-json.py SCHEMA FILE...", file=sys.stderr)
    sys.exit(2)


def json_path(parts):
    """Render a path (keys and indices) as a JSONPath such as $.criteria[0].evidence[1].start."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif isinstance(part, str) and part.isidentifier():
            out += f".{part}"
        else:
            out += "[" + json.dumps(part, ensure_ascii=False) + "]"
    return out


def documents(text):
    """Yield (index, document) for each JSON document in text, skipping white space between them."""
    decoder = json.JSONDecoder()
    position, index = 0, 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return
        value, position = decoder.raw_decode(text, position)
        yield index, value
        index += 1


def is_evidence(value):
    return isinstance(value, dict) and EVIDENCE_KEYS.issubset(value.keys())


def evidence_errors(value, path):
    """Yield (path, message) for every evidence object that breaks the offset invariants."""
    if isinstance(value, dict):
        if is_evidence(value):
            start, end = value.get("start"), value.get("end")
            line, column = value.get("line"), value.get("column")
            if all(isinstance(n, int) and not isinstance(n, bool) for n in (start, end)):
                if not 0 <= start <= end:
                    yield path, f"evidence offsets must satisfy 0 <= start <= end (start {start}, end {end})"
            if isinstance(line, int) and not isinstance(line, bool) and line < 1:
                yield path + ["line"], f"line must be >= 1 (got {line})"
            if isinstance(column, int) and not isinstance(column, bool) and column < 1:
                yield path + ["column"], f"column must be >= 1 (got {column})"
        for key, child in value.items():
            yield from evidence_errors(child, path + [key])
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from evidence_errors(child, path + [i])


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        usage()
    try:
        from jsonschema import Draft202012Validator
        from jsonschema.exceptions import SchemaError
    except ImportError:
        usage("the jsonschema package is not installed (pip install jsonschema)")

    schema_path, files = argv[1], argv[2:]
    try:
        with open(schema_path, encoding="utf-8") as f:
            schema = json.load(f)
        Draft202012Validator.check_schema(schema)
    except OSError as e:
        usage(f"cannot read schema {schema_path}: {e.strerror}")
    except json.JSONDecodeError as e:
        usage(f"{schema_path} is not JSON: {e}")
    except SchemaError as e:
        usage(f"{schema_path} is not a valid draft 2020-12 schema: {e.message}")
    validator = Draft202012Validator(schema)

    failed = False
    for name in files:
        try:
            with open(name, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            print(f"{name}: cannot read: {e}")
            failed = True
            continue
        count, errors = 0, 0
        try:
            for index, document in documents(text):
                count += 1
                where = f"{name}: document {index + 1}"
                for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
                    print(f"{where}: {json_path(error.absolute_path)}: {error.message}")
                    errors += 1
                for path, message in evidence_errors(document, []):
                    print(f"{where}: {json_path(path)}: {message}")
                    errors += 1
        except json.JSONDecodeError as e:
            print(f"{name}: document {count + 1}: not JSON: {e.msg} at line {e.lineno}, column {e.colno}")
            errors += 1
        if count == 0 and errors == 0:
            print(f"{name}: no JSON documents")
            errors += 1
        if errors:
            failed = True
        else:
            print(f"{name}: {count} documents valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
