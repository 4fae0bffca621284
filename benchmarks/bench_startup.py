"""Start-up: ``followlint check one-draft.txt`` vs a bare Typer app that reads and prints a file.

SPEC target: at most 1.25x the time of the bare app, same Typer version. Both run as
``python ...`` subprocesses of the same interpreter; the bare app imports the installed Typer,
the very one followlint imports.
"""
from __future__ import annotations

from _harness import (BenchError, Command, Context, Figure, measure, median_seconds,
                      paired_ratio_median)

NAME = "startup"
ORDER = 20
DESCRIPTION = "check of one small draft vs bare Typer app"
TARGET_RATIO = 1.25

DRAFT = """\
Subject: Following up on the pilot

Hi Dana,

Just checking in to see if you had a chance to look at my last email about the pilot.
Let me know if you have any questions.

Best,
Sam
"""

BARE_APP = '''\
import typer

app = typer.Typer()


@app.command()
def show(path: str) -> None:
    """Read a file and print it."""
    with open(path, encoding="utf-8") as handle:
        typer.echo(handle.read())


if __name__ == "__main__":
    app()
'''


def requires(ctx: Context) -> None:
    return None


def run(ctx: Context) -> list[Figure]:
    draft = ctx.tmpdir / "one-draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    app = ctx.tmpdir / "bare_app.py"
    app.write_text(BARE_APP, encoding="utf-8")

    # Exit 1 just means the draft has findings: still a complete run.
    fl = Command("followlint", ctx.followlint("check", draft.name), cwd=ctx.tmpdir,
                 ok_codes=(0, 1))
    base = Command("bare-typer", [ctx.python, app.name, draft.name], cwd=ctx.tmpdir)

    name = "start-up (one draft)"
    try:
        samples = measure(ctx, [fl, base])
    except BenchError as exc:
        return [Figure(name, None, "s", target=("<=", TARGET_RATIO), error=str(exc))]
    fl_s, base_s = samples["followlint"], samples["bare-typer"]
    fl_med, base_med = median_seconds(fl_s), median_seconds(base_s)
    paired = paired_ratio_median(fl_s, base_s)
    return [Figure(name, fl_med, "s", baseline=base_med, ratio=fl_med / base_med,
                   target=("<=", TARGET_RATIO),
                   note=f"median of per-round ratios {paired:.2f}x; followlint via "
                        f"{ctx.followlint_via}, bare app via `python bare_app.py FILE`",
                   samples={"followlint": [s.seconds for s in fl_s],
                            "bare-typer": [s.seconds for s in base_s]},
                   extra={"paired_ratio_median": paired,
                          "followlint_exit_codes": sorted({s.returncode for s in fl_s})})]
