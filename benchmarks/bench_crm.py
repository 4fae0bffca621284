"""CRM export: ``followlint check`` on a generated HubSpot activities CSV, 100,000 and 10,000 rows.

Issue 4: stream large exports, memory flat. Reports rows per second and peak RSS for both
sizes; the RSS ratio 100k / 10k shows whether memory grows with the file (rows beyond 20,000
spill to temporary buckets, so it should stay near 1). No baseline and no SPEC target: the
figures are informational. The export is generated (seeded) in the run's temp dir: 3,000
contacts, calls (connected, voicemail, no answer), emails both ways, open and done tasks, notes.
"""
from __future__ import annotations

import csv
import random
from datetime import datetime, timedelta, timezone

from _harness import BenchError, Command, Context, Figure, measure, median_seconds

NAME = "crm"
ORDER = 40
DESCRIPTION = "check of a generated 100k-row (and 10k-row) HubSpot CSV export"
SIZES = (100_000, 10_000)
CONTACTS = 3_000
HEADER = ["Activity ID", "Activity date", "Activity type", "Call direction", "Call outcome", "Call duration",
          "Call notes", "Email subject", "Email body", "Email direction", "Task title", "Task status",
          "Associated contact", "Associated contact email", "Activity assigned to"]
REPS = ["Tom Becker", "Sofia Lind", "Greta Holm", "Karl Gruber", "Maria Lopez"]
THINGS = ["boiler", "licence plates", "router", "invoice", "delivery", "installation", "contract", "quote"]
CALL_NOTES = [
    "Went through the {t} with {n}; she wants to check with her partner and asked for the figures by email.",
    "{n} rang: the {t} still has not arrived and she is annoyed. Promised to chase it today.",
    "Just checking in to see how everything is going with the {t}. Give me a call back.",
    "Good news for {n}: the {t} is sorted, the engineer comes Tuesday at 10am.",
    "Asked {n} if she knows anyone else who might need a {t}.",
]
EMAILS_OUT = [
    "Hi {n},\n\nAttached is the updated {t} with the changes we discussed; the price holds until the 30th.\n\nThanks",
    "Hi {n},\n\nJust following up on my last email about the {t}. Any thoughts?",
    "Hi {n},\n\nAs I already told you, the {t} was delivered on time on our side.",
]
EMAILS_IN = [
    "Hi,\n\nThe {t} is still not working and nobody has called me back. Can you look into it?",
    "Thanks, that's great, the {t} works perfectly now.",
    "Let me think about the {t} over the weekend and I'll get back to you next week.",
]


def write_export(path, rows: int, seed: int = 4) -> None:
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(HEADER)
        for i in range(rows):
            c = rng.randrange(CONTACTS)
            name, thing = f"Customer {c:04d}", rng.choice(THINGS)
            when = (start + timedelta(minutes=7 * i + rng.randrange(5))).strftime("%Y-%m-%d %H:%M")
            row = dict.fromkeys(HEADER, "")
            row.update({"Activity ID": str(500000 + i), "Activity date": when, "Associated contact": name,
                        "Associated contact email": f"customer{c:04d}@example.com",
                        "Activity assigned to": REPS[c % len(REPS)] if rng.random() > 0.05 else rng.choice(REPS)})
            pick = rng.random()
            if pick < 0.45:
                row.update({"Activity type": "Call", "Call direction": rng.choice(["Outbound", "Outbound", "Inbound"]),
                            "Call outcome": rng.choice(["Connected", "Connected", "Left voicemail", "No answer"]),
                            "Call duration": str(rng.randrange(0, 900_000)),
                            "Call notes": rng.choice(CALL_NOTES).format(n=name, t=thing)})
            elif pick < 0.80:
                inbound = rng.random() < 0.4
                body = rng.choice(EMAILS_IN if inbound else EMAILS_OUT).format(n=name, t=thing)
                row.update({"Activity type": "Email", "Email subject": f"Your {thing}", "Email body": body,
                            "Email direction": "Incoming email" if inbound else "Email"})
            elif pick < 0.92:
                row.update({"Activity type": "Task", "Task title": f"Call {name} back about the {thing}",
                            "Task status": rng.choice(["Not started", "Completed"])})
            else:
                row.update({"Activity type": "Note", "Call notes": f"Spoke to the warehouse about {name}'s {thing}."})
            out.writerow([row[h] for h in HEADER])


def requires(ctx: Context) -> None:
    return None


def run(ctx: Context) -> list[Figure]:
    figures: list[Figure] = []
    rss: dict[int, float] = {}
    for rows in SIZES:
        export = ctx.tmpdir / f"hubspot-{rows}.csv"
        write_export(export, rows)
        cmd = Command(f"crm-{rows}", ctx.followlint("check", export.name, "--now", "2027-01-01T09:00",
                                                     "--format", "json", "--exit-zero"), cwd=ctx.tmpdir)
        label = f"CRM {rows:,} rows"
        try:
            samples = measure(ctx, [cmd])[cmd.name]
        except BenchError as exc:
            figures.append(Figure(f"{label}: rows/s", None, "rows/s", error=str(exc)))
            continue
        seconds = median_seconds(samples)
        rss[rows] = max(s.maxrss_kb for s in samples) / 1024
        figures += [
            Figure(f"{label}: rows/s", round(rows / seconds), "rows/s",
                   note=f"median check time {seconds:.2f} s ({export.stat().st_size / 1e6:.1f} MB export)",
                   samples={"followlint": [s.seconds for s in samples]}),
            Figure(f"{label}: peak RSS", rss[rows], "MB", note="max ru_maxrss of the check over the timed runs"),
        ]
    if len(rss) == 2:
        big, small = SIZES
        figures.append(Figure("CRM peak RSS 100k / 10k", round(rss[big] / rss[small], 2), "x",
                              note="near 1: memory stays flat as the export grows"))
    return figures
