"""The shipped JSON Schema: generated from the model, never drifting, and valid for every seed."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

import goiar
from goiar import Template
from goiar.schema import SCHEMA_FILE, dumps_schema, report_schema, schema_for, shipped_schema
from goiar.testing import make_report

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SHIPPED = Path(goiar.__file__).resolve().parent / SCHEMA_FILE


def seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        pytest.skip(f"no seeds in {SEEDS}")
    return files


def test_shipped_file_equals_generated_schema() -> None:
    assert shipped_schema() == report_schema(), "run: python -m goiar.schema --write"
    assert SHIPPED.read_text(encoding="utf-8") == dumps_schema(), "run: python -m goiar.schema --write"


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(report_schema())


def test_every_definition_is_used_and_every_reference_resolves() -> None:
    schema = report_schema()
    text = json.dumps(schema)
    for name in schema["$defs"]:
        assert f'"#/$defs/{name}"' in text, name
    referenced = {part.split('"')[0] for part in text.split('"#/$defs/')[1:]}
    assert referenced <= set(schema["$defs"])


def test_every_seed_validates() -> None:
    validator = jsonschema.Draft202012Validator(report_schema())
    files = seed_files()
    assert len(files) == 5
    for path in files:
        data = goiar.to_dict(goiar.read(path.read_bytes()))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == [], path.name


@pytest.mark.parametrize("template", list(Template))
def test_built_reports_of_both_templates_validate(template: Template) -> None:
    report = make_report({"requests.granted.total": 1}, template=template)
    jsonschema.validate(goiar.to_dict(report), report_schema())


def test_decimal_values_travel_as_strings() -> None:
    report = make_report({"proactive.fees.amount": Decimal("96171.6")})
    data = goiar.to_dict(report)
    jsonschema.validate(data, report_schema())
    bad = copy.deepcopy(data)
    fees = next(row for row in bad["proactive"]["rows"] if row["key"] == "fees")
    fees["figures"][0]["value"] = 96171.6  # a float is not how goiar writes money
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, report_schema())


@pytest.mark.parametrize(
    ("where", "change"),
    [
        ("extra key", lambda d: d["meta"].__setitem__("colour", "red")),
        ("bad enum", lambda d: d["requests"].__setitem__("template", "2020")),
        ("bad state", lambda d: d["requests"]["rows"][0]["total"].__setitem__("state", "guessed")),
        ("missing required", lambda d: d["requests"]["rows"][0].pop("total")),
        ("wrong type", lambda d: d["meta"].__setitem__("year", "x")),
        ("bad decimal", lambda d: d["requests"]["rows"][0]["total"].__setitem__("value", "1,000")),
    ],
)
def test_schema_rejects_what_from_dict_rejects(where, change) -> None:
    data = goiar.to_dict(make_report())
    change(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, report_schema())
    with pytest.raises(goiar.ConversionError):
        goiar.from_dict(data)


def test_schema_for_refuses_non_attrs_classes() -> None:
    with pytest.raises(TypeError):
        schema_for(dict)
