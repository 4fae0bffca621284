"""followlint-dealership as a dealership uses it: the built-in rules catch dealership problems
they miss without the pack, and DL201 keeps sales out of recall messages. Needs the plugin
installed (scripts/test.sh installs it); `-p no:dealership` gives the core alone."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from followlint.cli import app

WITHOUT_PACK = ("-p", "no:dealership")


def lint(folder: Path, text: str, *args: str) -> list[dict]:
    """Lint ``text`` as a draft; return the findings (JSON)."""
    (folder / ".followlint.toml").write_text("", encoding="utf-8")
    draft = folder / "draft.txt"
    draft.write_text(text, encoding="utf-8")
    unset = {k: None for k in os.environ if k.startswith("FOLLOWLINT_")}
    result = CliRunner().invoke(app, ["check", str(draft), "--format", "json", *args], env=unset)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)["findings"]


def codes(findings: list[dict]) -> set[str]:
    return {f["code"] for f in findings}


def reply(ours: str, customer: str) -> str:
    return (f"Hi Bob,\n\n{ours}\n\nMike\n\n"
            f"On Tue, 3 Nov 2026 at 09:12, Bob Smith <bob@example.com> wrote:\n> {customer}\n")


EXPIRING_TAG = "My temporary tag expires on Friday and the plates still aren't here."


def test_the_pack_teaches_fl103_a_problem_the_core_does_not_hear(tmp_path):
    # Story 003: the rep calls to see how it's going and asks for a referral, walking past
    # the customer's missing plates.
    draft = reply("How's everything going with the car? Know anyone else looking for a car?", EXPIRING_TAG)
    assert "FL103" not in codes(lint(tmp_path, draft, *WITHOUT_PACK))
    found = lint(tmp_path, draft)
    fl103 = [f for f in found if f["code"] == "FL103"]
    assert len(fl103) == 1
    assert "temporary tag expires" in fl103[0]["message"]
    assert fl103[0]["evidence"][0]["text"] == "My temporary tag expires on Friday and the plates still aren't here."  # the whole sentence
    # FL102 now knows why the referral ask comes at the wrong moment.
    fl102 = next(f for f in found if f["code"] == "FL102")
    assert "issue is still open" in fl102["message"]


def test_a_reply_that_reports_on_the_plates_stays_clean(tmp_path):
    draft = reply("Your plates are in: I'll drop them round on Thursday at 4pm, before the tag runs out.", EXPIRING_TAG)
    assert codes(lint(tmp_path, draft)) == set()


@pytest.mark.parametrize("customer", [
    "The car is undriveable since this morning.",
    "I broke down on the ring road and the battery is flat.",
])
def test_the_pack_teaches_fl108_that_the_car_cannot_come_in(tmp_path, customer):
    # Story 000: "take the car in to the dealership" to someone whose car cannot move.
    draft = reply("Sorry to hear that. Please bring the car in to the dealership on Monday.", customer)
    assert "FL108" not in codes(lint(tmp_path, draft, *WITHOUT_PACK))
    fl108 = [f for f in lint(tmp_path, draft) if f["code"] == "FL108"]
    assert len(fl108) == 1 and fl108[0]["excerpt"] == "bring the car in"


def test_offering_a_flatbed_is_the_answer(tmp_path):
    draft = reply("Sorry to hear that. I've sent a flatbed to bring the car in to the dealership; "
                  "it will be with you by 11.", "The car is undriveable since this morning.")
    assert "FL108" not in codes(lint(tmp_path, draft))


def test_the_pack_teaches_fl101_that_plates_news_is_news(tmp_path):
    draft = "Hi Bob,\n\nJust checking in: your plates have come in at the front desk.\n\nMike\n"
    assert "FL101" in codes(lint(tmp_path, draft, *WITHOUT_PACK))
    assert "FL101" not in codes(lint(tmp_path, draft))


def test_dl201_flags_a_pitch_in_a_recall_message_with_the_recall_as_evidence(tmp_path):
    draft = ("Hi Dana,\n\nYour SUV is subject to a safety recall on the rear brakes. "
             "Book the repair this week and we'll include a trade-in appraisal on the new models.\n\nMike\n")
    found = [f for f in lint(tmp_path, draft) if f["code"] == "DL201"]
    assert len(found) == 1
    assert found[0]["message"] == 'Sales pitch in a message about a recall: "trade-in appraisal"'
    assert found[0]["severity"] == "warning" and found[0]["line"] == 3
    assert [e["text"] for e in found[0]["evidence"]] == ["Your SUV is subject to a safety recall on the rear brakes."]


def test_dl201_reads_the_recall_from_the_customer_unless_told_not_to(tmp_path):
    draft = reply("We can fix it on Tuesday. While you're here, book a test drive of the new model!",
                  "I got a recall letter about the brakes. When can you fix it?")
    assert codes(lint(tmp_path, draft, "--select", "DL201")) == {"DL201"}
    (tmp_path / "only-ours.toml").write_text("[rules.DL201]\ncustomer-mentions = false\n", encoding="utf-8")
    assert lint(tmp_path, draft, "--select", "DL201", "--config", str(tmp_path / "only-ours.toml")) == []


@pytest.mark.parametrize("text", [
    "Hi Dana,\n\nI recall you wanted a trade-in price for the Golf: it's £6,200.\n\nMike\n",
    "Hi Dana,\n\nThe airbag recall work is done and the car is ready for collection. No need to book a test drive.\n\nMike\n",
])
def test_dl201_ignores_remembering_and_a_declined_pitch(tmp_path, text):
    assert lint(tmp_path, text, "--select", "DL201") == []


def test_dl201_documents_itself_and_its_examples_hold(tmp_path):
    from followlint import plugins
    from followlint.config import Settings

    rule = plugins.load(Settings()).rules["DL201"]
    doc = rule.documentation()
    assert doc.startswith("DL201 recall-sales-pitch (warning)\n")
    for section in ("## What it finds", "## Why it matters", "## Example", "## Better", "## Options"):
        assert f"\n{section}\n" in doc
    assert "- `customer-mentions` (default `True`)" in doc
    for example in rule.bad:
        assert codes(lint(tmp_path, example.text, "--select", "DL201")) == {"DL201"}, example.text
    for example in rule.good:
        assert lint(tmp_path, example.text, "--select", "DL201") == [], example.text


def test_the_pack_is_listed_with_what_it_adds(tmp_path):
    result = CliRunner().invoke(app, ["plugins"])
    assert result.exit_code == 0
    assert ("dealership 0.1.0 (entry point of followlint-dealership)\n    rules: DL201\n"
            "    vocabulary: accommodation, constraint, issue, recall, sales_pitch, value\n") in result.stdout
