"""Run the followlint benchmarks and print each figure beside its SPEC target.

    python benchmarks/run.py [--runs N] [--only NAME[,NAME]] [--json FILE] [--via module|script]
                             [--sample N]

Benchmarks are the ``bench_*.py`` modules next to this file; each defines NAME, ORDER,
DESCRIPTION, ``requires(ctx)`` (raise CorpusMissing if an input is absent) and
``run(ctx) -> list[Figure]``. Adding a benchmark is adding a module.

Exit status: 0 whatever the figures say (benchmarks report, they do not gate CI); 2 when a
corpus is missing or the options are wrong.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import shutil
import sys
import sysconfig
import tempfile
import time
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (BENCH_DIR, PROJECT_ROOT, WORK_DIR, Context, CorpusMissing,  # noqa: E402
                      Figure, fmt_value)


def discover() -> dict[str, object]:
    modules = [importlib.import_module(p.stem) for p in sorted(BENCH_DIR.glob("bench_*.py"))]
    modules.sort(key=lambda m: (getattr(m, "ORDER", 100), m.NAME))
    return {m.NAME: m for m in modules}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def child_env(as_is: bool) -> tuple[dict[str, str], str]:
    """The environment of the measured commands, and a line describing it."""
    env = dict(os.environ)
    if as_is:
        return env, "environment as is"
    dropped = sorted(k for k in env
                     if k.startswith("FOLLOWLINT_") and k != "FOLLOWLINT_CORPORA")
    for key in dropped:
        del env[key]
    # Run both sides from cached bytecode, as an installed tool does, without writing
    # __pycache__ into src/ (PYTHONDONTWRITEBYTECODE may be set in this environment).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(WORK_DIR / "pycache")
    note = f"bytecode cache in {WORK_DIR.relative_to(PROJECT_ROOT)}/pycache"
    if dropped:
        note += f"; unset {', '.join(dropped)}"
    return env, note


def followlint_command(via: str) -> tuple[list[str], str]:
    if via == "module":
        return [sys.executable, "-m", "followlint"], "`python -m followlint`"
    script = Path(sysconfig.get_path("scripts")) / "followlint"
    if not script.exists():
        found = shutil.which("followlint")
        if not found:
            sys.exit("followlint: benchmarks: no followlint console script found")
        script = Path(found)
    return [str(script)], f"console script {script}"


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def imported_from(ctx: Context) -> str:
    """Where the children import followlint from (the working tree, if installed editable)."""
    import subprocess

    probe = subprocess.run(
        [ctx.python, "-c", "import followlint, os; print(os.path.dirname(followlint.__file__))"],
        env=ctx.env, cwd=ctx.tmpdir, capture_output=True, text=True)
    return probe.stdout.strip() or f"import failed: {probe.stderr.strip()[-200:]}"


def render(figures: list[Figure]) -> str:
    header = ("benchmark", "followlint", "baseline", "ratio", "target", "result")
    rows = []
    for f in figures:
        target = "-" if f.target is None else (
            f"ratio {f.target[0]} {f.target[1]:g}" if f.ratio is not None or f.baseline
            is not None else f"{f.target[0]} {fmt_value(f.target[1], f.unit)}")
        rows.append((f.name, fmt_value(f.value, f.unit), fmt_value(f.baseline, f.unit),
                     "-" if f.ratio is None else f"{f.ratio:.2f}x", target, f.status))
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    align = ["<", ">", ">", ">", "<", "<"]

    def line(cells):
        return "  ".join(f"{str(c):{a}{w}}" for c, a, w in zip(cells, align, widths))

    out = [line(header), line("-" * w for w in widths), *map(line, rows)]
    notes = [f"  {f.name.strip()}: {f.error or f.note}" for f in figures
             if f.error or f.note]
    if notes:
        out += ["", "notes:", *notes]
    for f in figures:
        if f.details:
            out += ["", f.details.rstrip("\n")]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    benches = discover()
    parser = argparse.ArgumentParser(
        prog="python benchmarks/run.py",
        description="Measure followlint against its SPEC targets (medians of interleaved runs).")
    parser.add_argument("--runs", type=int, default=5,
                        help="timed runs of each command (default 5; median reported)")
    parser.add_argument("--only", action="append", default=[],
                        help=f"benchmarks to run, comma-separated or repeated: "
                             f"{', '.join(benches)}")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--via", choices=("module", "script"), default="module",
                        help="run followlint as `python -m followlint` (default) or through "
                             "its console script")
    parser.add_argument("--sample", type=int, default=50, metavar="N",
                        help="findings to draw (seeded) for a person to read, in benchmarks "
                             "that lint real text (default 50; 0: none)")
    parser.add_argument("--env-as-is", action="store_true",
                        help="do not adjust the children's environment (FOLLOWLINT_* vars, "
                             "bytecode cache)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.sample < 0:
        parser.error("--sample must be 0 or more")
    selected = [n.strip() for item in args.only for n in item.split(",") if n.strip()]
    unknown = [n for n in selected if n not in benches]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)} "
                     f"(known: {', '.join(benches)})")
    chosen = [m for n, m in benches.items() if not selected or n in selected]

    corpora = Path(os.environ.get("FOLLOWLINT_CORPORA")
                   or PROJECT_ROOT.parent / "shared" / "corpora").resolve()
    env, env_note = child_env(args.env_as_is)
    fl_argv, via = followlint_command(args.via)
    WORK_DIR.mkdir(exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="followlint-bench-") as tmp:
        ctx = Context(runs=args.runs, corpora=corpora, tmpdir=Path(tmp),
                      python=sys.executable, followlint_argv=fl_argv, followlint_via=via,
                      env=env, log=log, sample=args.sample)
        try:
            for module in chosen:
                module.requires(ctx)
        except CorpusMissing as exc:
            print(f"followlint benchmarks: error: {exc}", file=sys.stderr)
            return 2

        meta = {
            "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "executable": sys.executable,
            "followlint": version("followlint"),
            "typer": version("typer"),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "loadavg_before": os.getloadavg() if hasattr(os, "getloadavg") else None,
            "runs": args.runs,
            "followlint_via": via,
            "environment": env_note,
            "corpora": str(corpora),
        }
        meta["followlint_module"] = imported_from(ctx)
        figures: list[Figure] = []
        for module in chosen:
            log(f"[{module.NAME}] {module.DESCRIPTION}")
            figures.extend(module.run(ctx))
        meta["loadavg_after"] = os.getloadavg() if hasattr(os, "getloadavg") else None

    def load(key):
        return " ".join(f"{x:.2f}" for x in meta[key] or ()) or "?"

    print(f"followlint {meta['followlint']} ({meta['followlint_module']}) benchmarks: "
          f"{meta['python']}, typer {meta['typer']}, {meta['cpus']} CPUs, "
          f"load {load('loadavg_before')} before, {load('loadavg_after')} after")
    print(f"median of {args.runs} interleaved runs (after 1 warm-up); followlint via {via}; "
          f"{env_note}")
    print()
    print(render(figures))
    if args.json:
        Path(args.json).write_text(json.dumps(
            {"meta": meta, "figures": [f.to_json() for f in figures]}, indent=2) + "\n",
            encoding="utf-8")
        print(f"\nJSON written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
