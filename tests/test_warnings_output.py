"""Warnings a pipeline must see: what stderr calls "followlint: warning:" is also in the JSON
report (its additive `warnings` list) and in SARIF (a tool execution notification)."""
from __future__ import annotations

import json

NO_REASON = "Hi Sam,\n\nJust checking in. <!-- followlint: disable=FL101 -->\n\nPriya\n"
WARNING = "draft.txt: line 3: followlint disable=FL101 has no reason (add ' -- why')"


def test_json_lists_the_warnings_of_stderr(run_cli, tmp_path):
    (tmp_path / "draft.txt").write_text(NO_REASON, encoding="utf-8")
    code, out, err = run_cli("check", "draft.txt", "--format", "json")
    assert err == f"followlint: warning: {WARNING}\n"
    data = json.loads(out)
    assert (code, data["version"], data["warnings"]) == (1, 1, [WARNING])
    # without a reason the directive does not suppress: the finding stays
    assert [f["code"] for f in data["findings"]] == ["FL101"] and data["errors"] == []


def test_json_warnings_is_an_empty_list_without_warnings(run_cli, clean_draft):
    code, out, err = run_cli("check", clean_draft.name, "--format", "json")
    assert (code, err, json.loads(out)["warnings"]) == (0, "", [])


def test_sarif_carries_the_warnings_as_notifications(run_cli, tmp_path):
    (tmp_path / "draft.txt").write_text(NO_REASON, encoding="utf-8")
    (tmp_path / "out").mkdir()
    code, _, _ = run_cli("check", "draft.txt", "missing.txt", "--format", "sarif", "-o", "out/report.sarif")
    assert code == 2
    [invocation] = json.loads((tmp_path / "out" / "report.sarif").read_text())["runs"][0]["invocations"]
    notes = [(n["level"], n["message"]["text"]) for n in invocation["toolExecutionNotifications"]]
    assert notes == [("error", "no such file or directory"), ("warning", WARNING)]
