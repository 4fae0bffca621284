"""CRM activity exports (issue 4) through the command line: detection, findings that cite
rows, the rebuilt timelines, normalised values, the generic mapping and bad input.

The fixture exports are in fixtures/crm/ (labelled for the accuracy test in
fixtures/crm/manifest.toml); bad input is written per test into tmp_path.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

CRM = Path(__file__).resolve().parent.parent / "fixtures" / "crm"
NOW = "2026-11-20T09:00:00+00:00"

# (code, touch, line) of every finding in each export, at NOW.
EXPECTED = {
    "hubspot/ui-activities.csv": {
        ("FL101", "row 1", 2), ("FL101", "row 2", 3), ("FL101", "row 5", 6), ("FL102", "row 5", 6),
        ("FL103", "row 5", 6), ("FL103", "row 7", 10),  # row 6 spans lines 7-9: a quoted email body
    },
    "hubspot/ui-near-misses.csv": set(),
    "hubspot/api-v3-objects.json": {
        ("FL110", "id 40110002", 27), ("FL104", "id 40220002", 75), ("FL101", "id 40330001", 119),
        # The third chaser ("Just circling back on the proposal. Any update on your side?") asks
        # for their news and gives none: as empty as the two before it.
        ("FL101", "id 40330002", 143), ("FL101", "id 40330003", 167), ("FL109", "id 40330003", 167),
    },
    "hubspot/engagements-v1.json": {("FL101", "id 5100201", 3), ("FL101", "id 5100202", 33), ("FL107", "id 5100203", 63)},
    "salesforce/tasks.csv": {("FL107", "row 2", 3), ("FL104", "row 3", 4), ("FL104", "row 5", 6)},
    "salesforce/email-messages.json": {("FL110", "id 02s5g00000Em002", 22)},
    "salesforce/events.csv": set(),
    # Row 3 ("Just checking in again about the deck oven. Are you ready to go ahead?") asks for
    # the order: pushing (FL109), not an empty check-in (FL101), as two blind batches label it.
    "pipedrive/activities.csv": {
        ("FL101", "row 2", 3), ("FL107", "row 3", 4), ("FL109", "row 3", 4), ("FL104", "row 5", 6),
    },
    "zoho/calls.csv": {("FL101", "row 1", 2), ("FL101", "row 3", 4), ("FL109", "row 3", 4)},
    "zoho/tasks.json": {("FL104", "id 4876001000000322001", 3)},
}
CONTACTS = {"hubspot/ui-activities.csv": 2, "hubspot/api-v3-objects.json": 3, "salesforce/tasks.csv": 3,
            "pipedrive/activities.csv": 3, "zoho/calls.csv": 2}


def check(run_cli, *args, now=NOW, cwd=None):
    code, out, err = run_cli("check", *map(str, args), "--now", now, "--format", "json", cwd=cwd)
    return code, json.loads(out), err


def inspect(run_cli, path, *args, cwd=None):
    code, out, err = run_cli("inspect", str(path), "--format", "json", *args, cwd=cwd)
    assert code == 0, err
    return {c["id"]: c["touches"] for c in json.loads(out)["conversations"]}


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


# -- each format: detected from its header, findings on the right rows ------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_findings_cite_the_rows_and_objects(run_cli, name):
    code, report, err = check(run_cli, CRM / name)
    assert report["errors"] == [], err
    assert {(f["code"], f["touch"], f["line"]) for f in report["findings"]} == EXPECTED[name]
    assert code == (1 if any(f["severity"] != "info" for f in report["findings"]) else 0)  # FL110 is info
    if name in CONTACTS:  # one conversation per contact
        assert report["summary"]["conversations"] == CONTACTS[name]


def test_text_output_points_at_the_row_and_cites_the_evidence_row(run_cli):
    code, out, _ = run_cli("check", CRM / "hubspot/ui-activities.csv", "--now", NOW, "--select", "FL103")
    assert code == 1
    assert "ui-activities.csv:6:1: FL103" in out  # the check-in call of row 5, on file line 6
    assert "ui-activities.csv:4 (2026-10-19): Carla rang about her registration plates: they still have not arrived" in out  # the complaint's row, its whole sentence
    assert "ui-activities.csv:10:1: FL103" in out  # the overdue task, below a 3-line cell


def test_crm_option_forces_a_layout(run_cli, tmp_path):
    # No column marks a CRM: unknown without --crm; HubSpot's own labels with --crm hubspot.
    plain = write(tmp_path, "log.csv", "Type,Date,Contact,Notes\nCall,2026-11-02 10:00,Ana Ruiz,"
                  "Just checking in to see how everything is going with the new printer.\n")
    code, report, _ = check(run_cli, plain)
    assert code == 2 and "--crm generic" in report["errors"][0]["message"]
    code, report, _ = check(run_cli, plain, "--crm", "hubspot")
    assert code == 1 and [f["code"] for f in report["findings"]] == ["FL101"]
    # Forcing the wrong CRM names what that CRM's export would need.
    code, report, _ = check(run_cli, CRM / "zoho/calls.csv", "--crm", "pipedrive")
    assert code == 2
    message = report["errors"][0]["message"]
    assert "pipedrive export without the activity date" in message and "Activity - Due date" in message
    code, _, err = run_cli("check", plain, "--crm", "sugarcrm")
    assert code == 2 and "unknown CRM 'sugarcrm'" in err and "generic" in err


# -- the rebuilt timeline --------------------------------------------------------------------


def test_inspect_shows_directions_kinds_and_due_dates(run_cli):
    touches = inspect(run_cli, CRM / "hubspot/ui-near-misses.csv")["contact priya nair"]
    seen = [(t["id"], t["direction"], t["kind"]) for t in touches]
    assert seen == [
        ("row 1", "inbound", "call"), ("row 3", "outbound", "voicemail"), ("row 2", "internal", "task"),
        ("row 4", "internal", "attempt"), ("row 5", "internal", "note"), ("row 6", "outbound", "email"),
    ]  # in time order: the done task was logged after the voicemail
    task = touches[2]
    assert (task["activity"], task["done"], task["due"]) == ("call task", True, "2026-10-07T09:00:00+00:00")
    tasks = inspect(run_cli, CRM / "pipedrive/activities.csv")["contact grace mwangi"]
    assert (tasks[1]["kind"], tasks[1]["done"], tasks[1]["due"]) == ("task", False, "2026-11-04T09:30:00+00:00")
    # a missed call from the customer is their attempt, not ours
    calls = inspect(run_cli, CRM / "zoho/calls.csv")["contact tobias maier"]
    assert [(t["direction"], t["kind"]) for t in calls[:3]] == [("internal", "attempt")] * 2 + [("inbound", "attempt")]


def test_inspect_text_lists_the_timeline(run_cli):
    code, out, _ = run_cli("inspect", CRM / "hubspot/ui-activities.csv")
    assert code == 0
    assert "-> outbound voicemail 2026-10-06T10:15:00+00:00 Tom Becker" in out
    assert "== internal task" in out and "(activity: call task, open, due 2026-10-22T09:00:00+00:00)" in out
    assert "<- inbound call 2026-10-19T17:05:00+00:00 carla.mendes@example.com" in out


@pytest.mark.parametrize("name, contact, index, seconds", [
    ("hubspot/ui-activities.csv", "contact carla mendes", 2, 245),  # ms
    ("hubspot/ui-near-misses.csv", "contact priya nair", 0, 400),  # HH:mm:ss
    ("salesforce/tasks.csv", "contact 0035g00000jopk1", 0, 540),  # seconds
    ("zoho/calls.csv", "contact tobias maier", 3, 435),  # mm:ss
    ("pipedrive/activities.csv", "contact grace mwangi", 0, 2700),  # HH:MM
    ("hubspot/engagements-v1.json", "contact 3301", 2, 262),  # durationMilliseconds
])
def test_durations_are_seconds(run_cli, name, contact, index, seconds):
    assert inspect(run_cli, CRM / name)[contact][index]["duration"] == seconds


def test_html_bodies_become_text(run_cli):
    emails = inspect(run_cli, CRM / "salesforce/email-messages.json")["contact 5005g00000csha1"]
    assert "Per my last email, the seat count" in emails[1]["text"] and "<p>" not in emails[1]["text"]
    notes = inspect(run_cli, CRM / "pipedrive/activities.csv")["contact grace mwangi"]
    assert "She wants pricing for 15 users" in notes[0]["text"] and "<b>" not in notes[0]["text"]


def test_default_timezone_for_naive_times_and_dates_stay_on_their_day(run_cli, tmp_path):
    write(tmp_path, "followlint.toml", 'default-timezone = "Pacific/Auckland"\n')
    export = write(tmp_path, "sf.csv", "Id,WhoId,OwnerId,TaskSubtype,Subject,Status,ActivityDate,CreatedDate\n"
                   "00T1,003X,005A,Call,Call Mia back about the quote,Not Started,2026-11-09,2026-11-05 08:30\n")
    task = inspect(run_cli, export, cwd=tmp_path)["contact 003x"][0]
    assert task["time"] == "2026-11-05T08:30:00+13:00"  # naive: the configured zone
    assert task["due"].startswith("2026-11-09T")  # a date-only due date: that day, not UTC midnight
    code, report, _ = check(run_cli, export, now="2026-11-12T09:00:00+13:00", cwd=tmp_path)
    assert [f["message"] for f in report["findings"]] == [
        'Our open task "Call Mia back about the quote" fell due (2026-11-09) has passed with no touch from us']


def test_generic_mapping_from_the_folder_config(run_cli, tmp_path):
    code, report, err = check(run_cli, CRM / "generic/kitchen-studio.csv", cwd=tmp_path)
    assert report["errors"] == [], err
    assert [(f["code"], f["touch"], f["line"]) for f in report["findings"]] == [("FL101", "row 3", 4)]
    touches = inspect(run_cli, CRM / "generic/kitchen-studio.csv", cwd=tmp_path)
    call = touches["contact lena vogt"][0]
    assert (call["direction"], call["time"], call["duration"]) == ("inbound", "2026-11-02T17:30:00+01:00", 360)
    # a referral ask right after praise is the right moment: no FL102
    assert "FL102" not in {f["code"] for f in report["findings"]}


def test_generic_mapping_errors(run_cli, tmp_path):
    write(tmp_path, "followlint.toml", '[crm]\nlayout = "generic"\n[crm.columns]\nwhen = "Date"\n')
    export = write(tmp_path, "log.csv", "Date,Customer\n2026-11-02,Ana\n")
    code, _, err = run_cli("check", export)
    assert code == 2 and "unknown field 'when'" in err and "Traceback" not in err
    write(tmp_path, "followlint.toml", '[crm]\nlayout = "generic"\n')
    code, _, err = run_cli("check", export)
    assert code == 2 and "needs a column mapping" in err


# -- bad input -------------------------------------------------------------------------------

HUBSPOT_HEADER = ["Activity date", "Activity type", "Call direction", "Call notes", "Associated contact"]
CHECKIN = "Just checking in to see how the new boiler is running."


def test_bom_semicolons_and_quoted_newlines(run_cli, tmp_path):
    rows = [";".join(HUBSPOT_HEADER), f'05.10.2026 10:00;Call;Outbound;"Hi Omar,\n\n{CHECKIN}";Omar Ali',
            f"12.10.2026 10:00;Call;Outbound;{CHECKIN};Omar Ali"]
    export = write(tmp_path, "excel.csv", "\ufeff" + "\r\n".join(rows) + "\r\n", "utf-8")
    code, report, _ = check(run_cli, export)
    assert report["errors"] == []
    assert [(f["touch"], f["line"]) for f in report["findings"]] == [("row 1", 2), ("row 2", 5)]
    assert inspect(run_cli, export)["contact omar ali"][0]["time"] == "2026-10-05T10:00:00+00:00"  # day first


def test_hubspot_calls_by_their_api_properties_name_the_contact_by_callee(run_cli, tmp_path):
    header = "hs_object_id,hs_timestamp,hs_call_direction,hs_call_body,hubspot_owner_id,hs_call_callee_object_id"
    rows = [header, f"1,1791280800000,OUTBOUND,{CHECKIN},77,501", f"2,1791367200000,OUTBOUND,{CHECKIN},77,502"]
    export = write(tmp_path, "calls.csv", "\n".join(rows) + "\n", "utf-8")
    code, report, _ = check(run_cli, export)
    assert report["errors"] == []
    assert report["summary"]["conversations"] == 2  # one per callee
    assert [f["code"] for f in report["findings"]] == ["FL101", "FL101"]


def test_a_message_left_on_an_unanswered_call_is_a_voicemail_that_reached_the_customer(run_cli, tmp_path):
    # "No Answer" as the call's result, "left a VM" in the rep's note: the customer got our
    # check-in, so FL101 reads it; a note that says nothing was left stays our own record.
    header = "Call Owner,Subject,Call Type,Contact Name,Call Start Time,Call Duration (in seconds),Description,Call Result"
    rows = [header,
            f'Bea Lund,Courtesy call,Outbound,Ola Berg,2026-11-16 10:30:00,40,"{CHECKIN} No answer, left a VM.",No Answer',
            f'Bea Lund,Courtesy call,Outbound,Ida Holm,2026-11-16 10:40:00,30,"{CHECKIN} No answer.",No Answer',
            f'Bea Lund,Courtesy call,Outbound,Eva Dahl,2026-11-16 10:50:00,30,"2nd VM. {CHECKIN}",No Answer']
    export = write(tmp_path, "calls.csv", "\n".join(rows) + "\n", "utf-8")
    touches = inspect(run_cli, export)
    assert [(t["direction"], t["kind"]) for t in touches["contact ola berg"]] == [("outbound", "voicemail")]
    assert [(t["direction"], t["kind"]) for t in touches["contact ida holm"]] == [("internal", "attempt")]
    assert [(t["direction"], t["kind"]) for t in touches["contact eva dahl"]] == [("outbound", "voicemail")]
    code, report, _ = check(run_cli, export)
    assert [(f["code"], f["conversation"]) for f in report["findings"]] == [
        ("FL101", "contact ola berg"), ("FL101", "contact eva dahl")]


def test_api_objects_without_associations_are_one_contacts_activities(run_cli, tmp_path):
    # HubSpot's API lists emails without their contacts unless asked to: such a file is one
    # contact's history, read as one conversation, and the user is told so.
    def email(n, stamp, direction, text):
        return {"id": str(n), "properties": {"hs_timestamp": stamp, "hs_email_direction": direction,
                                              "hs_email_subject": "Re: your order", "hs_email_text": text,
                                              "hubspot_owner_id": "77"}}
    results = [email(1, "1790852400000", "INCOMING_EMAIL", "Hi, the second crate arrived smashed. Can you replace it?"),
               email(2, "1790938800000", "EMAIL", "Hi Sam, just checking in to see how everything is going!")]
    export = write(tmp_path, "emails.json", json.dumps({"results": results}))
    code, report, err = check(run_cli, export)
    assert report["errors"] == []
    assert "emails.json: no contact column" in err and "read as one contact's activities" in err
    assert report["summary"]["conversations"] == 1
    assert {"FL101", "FL103"} <= {f["code"] for f in report["findings"]}


def test_notes_that_log_a_call_are_that_call(run_cli, tmp_path):
    # Notes carry no direction; one that says who rang whom is the call itself, and what our
    # side said on it is what the customer heard. A note that logs no call stays our memo.
    header = "Activity ID,Activity date,Activity type,Note body,Associated contact,Activity assigned to"
    rows = [header,
            "1,2026-05-05 09:40,Note,\"Mrs Ada Lowe called: the chairs arrived crushed and two are unusable.\",Ada Lowe,Noor Haddad",
            "2,2026-05-05 16:15,Note,\"Checked stock. Called Mrs Lowe back and told her it's not our fault, the courier did it.\",Ada Lowe,Noor Haddad",
            "3,2026-05-06 09:00,Note,\"Courier claim form filed internally.\",Ada Lowe,Noor Haddad"]
    export = write(tmp_path, "notes.csv", "\n".join(rows) + "\n", "utf-8")
    touches = inspect(run_cli, export)["contact ada lowe"]
    assert [(t["direction"], t["kind"]) for t in touches] == [
        ("inbound", "call"), ("outbound", "call"), ("internal", "note")]
    code, report, _ = check(run_cli, export)
    assert "FL110" in [f["code"] for f in report["findings"]]


def test_zoho_api_calls_are_not_taken_for_salesforce(run_cli, tmp_path):
    # Call_Type, Call_Duration_in_seconds and Owner.id normalise like Salesforce's CallType,
    # CallDurationInSeconds and OwnerId; the file is Zoho's all the same.
    call = {"id": "71", "Owner": {"name": "Rae Doyle", "id": "9", "email": "rae@kits.example"},
            "Subject": "Courtesy call", "Call_Type": "Outbound", "Call_Purpose": "Follow-up",
            "Who_Id": {"name": "Sol Vance", "id": "44"}, "$se_module": "Contacts",
            "Call_Start_Time": "2026-11-06T10:05:00+00:00", "Call_Duration_in_seconds": 95,
            "Description": CHECKIN}
    export = write(tmp_path, "calls.json", json.dumps({"data": [call], "info": {"count": 1}}))
    code, report, _ = check(run_cli, export)
    assert report["errors"] == []
    assert [(f["code"], f["conversation"]) for f in report["findings"]] == [("FL101", "contact sol vance")]


def test_tab_delimiter_and_windows_1252(run_cli, tmp_path):
    rows = ["\t".join(HUBSPOT_HEADER), f"2026-10-05 10:00\tCall\tOutbound\tJosé: {CHECKIN}\tJosé Núñez"]
    export = write(tmp_path, "export.tsv", "\n".join(rows) + "\n", "cp1252")
    code, report, _ = check(run_cli, export)
    assert code == 1 and [f["code"] for f in report["findings"]] == ["FL101"]
    assert "contact josé núñez" in inspect(run_cli, export)


def test_missing_required_column_names_file_field_and_candidates(run_cli, tmp_path):
    export = write(tmp_path, "calls.csv", "Activity type,Call notes,Associated contact\nCall,Hello,Ana\n")
    code, report, err = check(run_cli, export)
    assert code == 2 and "Traceback" not in err
    (error,) = report["errors"]
    assert error["path"].endswith("calls.csv")
    assert "hubspot export without the activity date" in error["message"]
    assert "Activity date" in error["message"] and "hs_timestamp" in error["message"]
    assert "the file has Activity type, Call notes, Associated contact" in error["message"]


def test_bad_rows_are_reported_once_and_the_rest_is_linted(run_cli, tmp_path):
    rows = [",".join(HUBSPOT_HEADER + ["Call duration"]),
            f"2026-10-05 10:00,Call,Outbound,{CHECKIN},Omar Ali,0",
            f"next tuesday-ish,Call,Outbound,{CHECKIN},Omar Ali,0",
            f"2026-10-19 10:00,Call,Outbound,{CHECKIN},Omar Ali,about five minutes",
            f"2026-10-26 10:00,Call,Outbound,{CHECKIN},Nina Roth,0"]
    export = write(tmp_path, "calls.csv", "\n".join(rows) + "\n")
    code, report, _ = check(run_cli, export)
    assert code == 2
    messages = [e["message"] for e in report["errors"]]
    assert len(messages) == 2
    assert messages[0].startswith("row 2 (line 3): cannot read the activity date") and "row skipped" in messages[0]
    assert messages[1].startswith("row 3 (line 4): not a duration")
    assert sorted(f["touch"] for f in report["findings"]) == ["row 1", "row 4"]


def test_past_twenty_bad_rows_one_line_counts_the_rest(run_cli, tmp_path):
    rows = [",".join(HUBSPOT_HEADER)] + [f"someday,Call,Outbound,Hi,Ana {i}" for i in range(25)]
    code, report, _ = check(run_cli, write(tmp_path, "bad.csv", "\n".join(rows) + "\n"))
    assert code == 2 and len(report["errors"]) == 21
    assert report["errors"][-1]["message"] == "5 more rows skipped for unreadable values"


def test_unknown_layout_suggests_generic(run_cli, tmp_path):
    export = write(tmp_path, "other.csv", "When,Who,What\n2026-11-02,Ana,call\n")
    code, report, err = check(run_cli, export)
    assert code == 2 and "Traceback" not in err
    message = report["errors"][0]["message"]
    assert "not a CRM export followlint knows (columns: When, Who, What)" in message
    assert "--crm generic" in message and "[tool.followlint.crm.columns]" in message


@pytest.mark.parametrize("content, says", [
    (b"", "empty export"), (b"\n\n", "empty export"), (b"[]", "empty export"),
    (b'{"results": []}', "empty export"), (b"\x00\x01\x02PK\x03\x04binary", "binary data"),
    (b'[{"id": 1, "hs_timestamp": ', "invalid JSON at line 1"),
])
def test_empty_truncated_and_binary_exports(run_cli, tmp_path, content, says):
    name = "export.json" if content[:1] in (b"[", b"{") else "export.csv"
    code, report, err = check(run_cli, write(tmp_path, name, content))
    assert code == 2 and "Traceback" not in err
    assert says in report["errors"][0]["message"]


def test_files_that_are_not_exports_are_skipped_in_a_walk_but_named_are_errors(run_cli, tmp_path):
    project = tmp_path / "outreach"
    project.mkdir()
    shutil.copy(CRM / "zoho/calls.csv", project / "calls.csv")
    write(project, "package.json", '{"name": "templates", "version": "1.0.0"}')
    write(project, "prices.csv", "sku,price\nA1,10\n")
    code, report, _ = check(run_cli, project)
    assert report["errors"] == [] and {f["code"] for f in report["findings"]} == {"FL101", "FL109"}
    code, report, _ = check(run_cli, project / "prices.csv", project / "calls.csv")
    assert code == 2
    assert [e["path"].endswith("prices.csv") for e in report["errors"]] == [True]
    assert len(report["findings"]) == 3  # the other export is still linted


def test_json_lines_rows_know_their_line(run_cli, tmp_path):
    objects = [{"id": "1", "hs_timestamp": "1791281700000", "hs_call_direction": "OUTBOUND",
                "hs_call_body": CHECKIN, "associations": {"contactIds": [42]}}, {"id": "2"}]
    export = write(tmp_path, "calls.jsonl", "\n" + "\n".join(json.dumps(o) for o in objects) + "\n")
    code, report, _ = check(run_cli, export)
    assert [(f["touch"], f["line"]) for f in report["findings"]] == [("id 1", 2)]
    assert report["errors"][0]["message"].startswith("id 2 (line 3): no date")


def test_jobs_two_gives_the_same_report(run_cli):
    paths = [CRM / name for name in sorted(EXPECTED)]
    one = check(run_cli, *paths, "--jobs", "1")
    two = check(run_cli, *paths, "--jobs", "2")
    assert one == two
    assert one[1]["summary"]["findings"] == sum(len(v) for v in EXPECTED.values())


def test_a_csv_row_cut_short_is_reported_not_dropped(run_cli, tmp_path):
    (tmp_path / "calls.csv").write_text(
        "Activity date,Activity type,Contact,Owner,Notes\n"
        "2026-10-05 10:00,Call\n"  # cut short: no contact, but not an internal reminder either
        "2026-10-06 10:00,Call,dana@x.example,rep@y.example,Just checking in\n"
        "2026-10-07 10:00,Note,,rep@y.example,Order more brochures\n",  # no contact: internal, silent
        encoding="utf-8")
    code, out, err = run_cli("check", "calls.csv", "--crm", "hubspot", "--format", "json")
    assert code == 2
    assert err.splitlines() == ["calls.csv: error: row 1 (line 2): only 2 of the header's 5 cells; row skipped"]
    assert [f["code"] for f in json.loads(out)["findings"]] == ["FL101"]


def test_a_logged_mails_signature_and_a_notes_opening_words_are_what_they_are(run_cli, tmp_path):
    header = ("Activity ID,Activity date,Activity type,Email subject,Email body,Email direction,Call notes,"
              "Associated contact,Associated contact email,Activity assigned to\n")
    asked = ('1,2026-10-05 09:00,Email,Mantel clock,"It is seven weeks since you collected the mantel clock. '
             'When can I expect it back?",Incoming email,,Ann Lee,ann@example.com,Imogen Hart\n')
    promised = ('2,2026-10-05 15:00,Email,RE: Mantel clock,"Dear Ann,\nApologies for the wait. Our restorer is on '
                "the movement now; I'll find out from him where he is and let you know.\nKind regards,\nImogen\n"
                'Wyvern Clockworks",Outgoing email,,Ann Lee,ann@example.com,Imogen Hart\n')
    path = write(tmp_path, "log.csv", header + asked + promised)
    touches = inspect(run_cli, path, "--crm", "hubspot")["contact ann lee"]
    assert touches[1]["text"].endswith("let you know.")  # the sign-off and company name are the signature
    # So the company name ("Clockworks") is no report on the clock: the promise is still owed.
    code, report, _ = check(run_cli, path, "--crm", "hubspot", now="2026-10-20T09:00:00+00:00")
    assert [f["code"] for f in report["findings"]] == ["FL103"]
    # A call note that opens with its title's words says them ("Clock back, Ann collected it."
    # filed as "Clock back"): it reports back.
    call = '3,2026-10-12 11:00,Call,Clock back,,,"Clock back, Ann collected it today.",Ann Lee,ann@example.com,Imogen Hart\n'
    path = write(tmp_path, "log2.csv", header + asked + promised + call)
    code, report, _ = check(run_cli, path, "--crm", "hubspot", now="2026-10-20T09:00:00+00:00")
    assert report["findings"] == []


def test_body_preview_is_the_text_when_an_export_has_nothing_fuller(run_cli, tmp_path):
    path = write(tmp_path, "ui.csv", "Record ID,Activity date,Activity type,Email direction,Subject,Body preview,"
                 "Activity assigned to,Associated Contact\n"
                 "1,2026-03-03 14:22,EMAIL,INCOMING_EMAIL,Booking,\"I'd like two interpreters on 26 March. "
                 "I'm Deaf, so email or text only please.\",Tobias Rendell,Maeve Donnelly\n"
                 "2,2026-03-04 09:10,EMAIL,EMAIL,RE: Booking,\"To finalise the booking, could you give me a quick "
                 "ring on 0117 496 0321?\",Tobias Rendell,Maeve Donnelly\n")
    code, report, err = check(run_cli, path, "--crm", "hubspot", now="2026-03-06T12:00:00+00:00")
    assert report["errors"] == [], err
    assert [(f["code"], f["touch"]) for f in report["findings"]] == [("FL108", "row 2")]


def test_our_ask_reported_in_a_call_note_is_held_to_the_customers_constraint(run_cli, tmp_path):
    header = "Id,Subject,Call_Type,Call_Start_Time,Call_Duration,Description,Who_Id,Owner\n"
    said = ("1,New search,Inbound,2026-05-18T10:30:00+01:00,14:00,Dorothy rang to start a search. She doesn't have "
            "email or a computer - everything by post please.,Dorothy Penhale,Tamsin Rowe\n")
    asked = ("2,Documents,Outbound,2026-05-19T14:00:00+01:00,03:30,Called Dorothy - asked her to {what} so we can "
             "get started.,Dorothy Penhale,Tamsin Rowe\n")
    path = write(tmp_path, "calls.csv", header + said + asked.format(what="email over scans of the family bible"))
    code, report, _ = check(run_cli, path, "--crm", "zoho", now="2026-05-20T12:00:00+01:00")
    assert [f["code"] for f in report["findings"]] == ["FL108"]
    path = write(tmp_path, "calls.csv", header + said + asked.format(what="post copies of the family bible pages"))
    code, report, _ = check(run_cli, path, "--crm", "zoho", now="2026-05-20T12:00:00+01:00")
    assert report["findings"] == []


def test_a_promise_reported_with_the_customers_name_and_what_was_sent(run_cli, tmp_path):
    header = "Id,Subject,Call_Type,Call_Start_Time,Call_Duration,Description,Who_Id,Owner\n"
    rows = ("1,Platen,Inbound,2026-03-03T13:20:00+00:00,06:20,Gus called re his typewriter: the platen is rock hard. "
            "Wants a price to recover the platen.,Gus Kowalczyk,Eli Brandt\n"
            "2,Callback,Outbound,2026-03-03T16:05:00+00:00,01:35,Told Gus I'd ring him Friday with a price.,Gus Kowalczyk,Eli Brandt\n")
    code, report, _ = check(run_cli, write(tmp_path, "calls.csv", header + rows), "--crm", "zoho", now="2026-03-12T10:00:00+00:00")
    assert sorted(f["code"] for f in report["findings"]) == ["FL103", "FL104"]  # no price, no call on Friday
    # A logged mail whose subject and notes record sending what we promised keeps the promise;
    # one that sends something else does not.
    header = "Activity ID,Activity date,Activity type,Email subject,Email body,Email direction,Call notes,Associated contact,Activity assigned to\n"
    visit = ('1,2026-09-14 08:12,Call,Service visit,,,"Water test at the Bhatts\': chlorine low. Told Anand I\'d email the '
             'results and the winter options.",Anand Bhatt,Marcus Lyle\n')
    sent = '2,2026-09-14 12:12,Email,{subject},"{body}",Outgoing email,,Anand Bhatt,Marcus Lyle\n'
    results = sent.format(subject="Water test results", body="Sent Anand the water test and what we dosed.")
    reminder = sent.format(subject="Annual service reminder", body="Emailed Anand his annual service reminder with the booking link.")
    code, report, _ = check(run_cli, write(tmp_path, "log.csv", header + visit + results), "--crm", "hubspot", now="2026-09-24T10:00:00+00:00")
    assert report["findings"] == []
    code, report, _ = check(run_cli, write(tmp_path, "log.csv", header + visit + reminder), "--crm", "hubspot", now="2026-09-24T10:00:00+00:00")
    assert [f["code"] for f in report["findings"]] == ["FL103"]


def test_a_complaint_our_call_note_reports_is_the_customers_to_argue_with(run_cli, tmp_path):
    header = "Id,Subject,Call_Type,Call_Start_Time,Call_Duration,Description,Who_Id,Owner\n"
    rows = ("1,Blistering,Outbound,2026-06-08T08:31:00+00:00,05:00,Graham unhappy: the paint where we did the damp course "
            "is blistering. Wants someone to look.,Graham Hope,Paula Nunn\n"
            "2,Call back,Outbound,2026-06-08T13:11:00+00:00,04:00,\"Called Graham back. Told him the blistering is down to "
            "him painting too early. Booked a surveyor visit Thursday.\",Graham Hope,Paula Nunn\n")
    code, report, _ = check(run_cli, write(tmp_path, "calls.csv", header + rows), "--crm", "zoho", "--select", "FL110",
                            now="2026-06-09T10:00:00+00:00")
    assert [f["code"] for f in report["findings"]] == ["FL110"]


def test_another_slot_of_ours_is_no_report_on_what_we_promised_to_chase(run_cli, tmp_path):
    header = "Id,Subject,Call_Type,Call_Start_Time,Call_Duration,Description,Who_Id,Owner\n"
    promised = ("1,Double charge,Inbound,2026-02-23T10:14:00+00:00,04:00,Ilse rang - her statement shows two payments "
                "of £289 for the whitening kit. Said sorry and that I'd get accounts onto it and come back to her.,Ilse Varga,Bethan Jones\n")
    hygiene = ("2,Recall,Outbound,2026-03-02T09:05:00+00:00,03:00,Called Ilse to book her hygiene visit. "
               "Booked Tue 17 Mar 08:40 with Hannah.,Ilse Varga,Bethan Jones\n")
    refunded = ("2,Refund,Outbound,2026-03-02T09:05:00+00:00,03:00,Rang Ilse - accounts refunded the second £289 "
                "payment today.,Ilse Varga,Bethan Jones\n")
    code, report, _ = check(run_cli, write(tmp_path, "calls.csv", header + promised + hygiene), "--crm", "zoho",
                            "--select", "FL103", now="2026-03-06T10:00:00+00:00")
    assert [f["code"] for f in report["findings"]] == ["FL103"]
    code, report, _ = check(run_cli, write(tmp_path, "calls.csv", header + promised + refunded), "--crm", "zoho",
                            "--select", "FL103", now="2026-03-06T10:00:00+00:00")
    assert report["findings"] == []


def test_a_note_that_opens_with_no_answer_is_a_call_that_reached_nobody(run_cli, tmp_path):
    header = "Id,Subject,Call_Type,Call_Start_Time,Call_Duration,Description,Who_Id,Owner\n"
    rows = ("1,Quote,Outbound,2026-03-03T15:00:00+00:00,20:00,Went through the paperweight samples with Joanna. "
            "Quote sent same day: GBP2880.,Joanna Reid,Sol Hardy\n"
            "2,Quote,Outbound,2026-03-09T10:02:00+00:00,00:30,No answer. VM: calling about the paperweight quote.,Joanna Reid,Sol Hardy\n"
            "3,Quote,Outbound,2026-03-12T15:31:00+00:00,00:30,No answer again. Left message asking her to confirm the order.,Joanna Reid,Sol Hardy\n"
            "4,Quote,Outbound,2026-03-19T11:16:00+00:00,00:30,Straight to voicemail. Asked for a decision on the order.,Joanna Reid,Sol Hardy\n")
    path = write(tmp_path, "calls.csv", header + rows)
    touches = inspect(run_cli, path, "--crm", "zoho")["contact joanna reid"]
    assert [t["kind"] for t in touches[1:]] == ["voicemail", "voicemail", "attempt"]
    code, report, _ = check(run_cli, path, "--crm", "zoho", "--select", "FL109", now="2026-03-20T10:00:00+00:00")
    assert [f["code"] for f in report["findings"]] == ["FL109"]
