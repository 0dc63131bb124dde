"""Benchmark: how fast does a corpus publish, and how does extraction compare
with quantulum3?

    python bench/run.py [N ...] [--mode auto|publish|extract] [--out bench/results.md]

For each N (default 100 1000 10000) a synthetic corpus of N articles of about
5 KB (bench/generate.py) is written to a temporary folder, then timed:

1. cold: `sahel-data publish --raw RAW --dist DIST` in a fresh subprocess
   (fresh PREFECT_HOME, working directory in the temporary folder);
2. the same command again with nothing changed;
3. again after 1 % of the articles got one new sentence.

Each run's wall time, CPU time and peak memory (ru_maxrss of the child and
the descendants it waited for, from os.wait4) are recorded. Extraction
alone (`sahel_data.extract.extract_document` over 1,000 articles, import
time excluded) and quantulum3 (`quantulum3.parser.parse` over the first
~200 KB of the same articles, model load excluded) are timed in their own
subprocesses on the same text, giving characters per second for both.

With --mode auto (the default) the publish command is used if it works on
the first corpus; otherwise every run times extraction alone (mode
`extract`, which has no cache, so re-runs cost what the cold run costs).

Results are printed and written to bench/results.md with a description of
the machine. Corpora and packages live in a temporary folder, removed at
the end (--keep keeps it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import math
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402  (bench/generate.py, beside this file)

KEEP_MARKER = "<!-- kept by bench/run.py: hand-written notes below -->"
TARGET_SECONDS_10K = 120.0
TARGET_RATIO = 100.0


# ----------------------------------------------------------------------------
# workers: run in their own subprocess so that their memory is theirs alone


def _load_corpus(raw_dir: Path, max_docs: int | None, max_chars: int | None):
    docs = []
    chars = 0
    for path in sorted(Path(raw_dir).glob("*.txt")):
        if max_docs is not None and len(docs) >= max_docs:
            break
        if max_chars is not None and chars >= max_chars:
            break
        text = path.read_bytes().decode("utf-8")
        document_id = path.name[: -len(".txt")]
        meta = json.loads(path.with_name(document_id + ".meta.json").read_text(encoding="utf-8"))
        docs.append((document_id, text, meta["published"]))
        chars += len(text)
    return docs


def worker_extract(raw_dir: Path, max_docs: int | None, max_chars: int | None) -> dict:
    start = time.perf_counter()
    from sahel_data.extract import extract_document

    imported = time.perf_counter()
    docs = _load_corpus(raw_dir, max_docs, max_chars)
    loaded = time.perf_counter()
    rows: dict[str, int] = {}
    for document_id, text, published in docs:
        for table, table_rows in extract_document(document_id, text, published).items():
            rows[table] = rows.get(table, 0) + len(table_rows)
    done = time.perf_counter()
    return {
        "documents": len(docs),
        "chars": sum(len(t) for _, t, _ in docs),
        "bytes": sum(len(t.encode("utf-8")) for _, t, _ in docs),
        "import_seconds": imported - start,
        "read_seconds": loaded - imported,
        "seconds": done - loaded,
        "rows": rows,
    }


def _extract_chunk(chunk: list[tuple[str, str, str]]) -> int:
    from sahel_data.extract import extract_document

    return sum(len(rows) for d in chunk for rows in extract_document(*d).values())


def worker_extract_parallel(raw_dir: Path, max_docs: int | None, max_chars: int | None) -> dict:
    """Extraction alone on every core: a process pool over chunks of the articles, as publish does."""
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    docs = _load_corpus(raw_dir, max_docs, max_chars)
    workers = os.cpu_count() or 1
    chunks = [docs[i :: workers * 8] for i in range(workers * 8)]
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_extract_chunk, [docs[:1]] * workers))  # imports in every worker, untimed
        loaded = time.perf_counter()
        rows = sum(pool.map(_extract_chunk, chunks))
        done = time.perf_counter()
    return {
        "documents": len(docs),
        "workers": workers,
        "chars": sum(len(t) for _, t, _ in docs),
        "bytes": sum(len(t.encode("utf-8")) for _, t, _ in docs),
        "import_seconds": loaded - start,
        "seconds": done - loaded,
        "rows": {"all": rows},
    }


def worker_quantulum(raw_dir: Path, max_docs: int | None, max_chars: int | None) -> dict:
    start = time.perf_counter()
    from quantulum3 import parser

    parser.parse("Some 12 people were killed and 3.5 km of road closed.")  # loads its models
    loaded_model = time.perf_counter()
    docs = _load_corpus(raw_dir, max_docs, max_chars)
    began = time.perf_counter()
    quantities = 0
    for _, text, _ in docs:
        quantities += len(parser.parse(text))
    done = time.perf_counter()
    return {
        "documents": len(docs),
        "chars": sum(len(t) for _, t, _ in docs),
        "bytes": sum(len(t.encode("utf-8")) for _, t, _ in docs),
        "import_seconds": loaded_model - start,
        "seconds": done - began,
        "rows": {"quantities": quantities},
    }


WORKERS = {"extract": worker_extract, "extract-parallel": worker_extract_parallel, "quantulum": worker_quantulum}


def worker_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=sorted(WORKERS))
    parser.add_argument("raw_dir", type=Path)
    parser.add_argument("--max-docs", type=int)
    parser.add_argument("--max-chars", type=int)
    args = parser.parse_args(argv)
    result = WORKERS[args.kind](args.raw_dir, args.max_docs, args.max_chars)
    print("RESULT " + json.dumps(result))
    return 0


# ----------------------------------------------------------------------------
# running and measuring a child process


def run_child(cmd: list[str], *, cwd: Path, env: dict, timeout: float, log_dir: Path, label: str) -> dict:
    """Run `cmd`; return its wall and CPU time, peak RSS, exit code and output."""
    log_dir.mkdir(parents=True, exist_ok=True)
    out_path = log_dir / f"{label}.out"
    err_path = log_dir / f"{label}.err"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err, start_new_session=True)
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    result = None
    for line in stdout.splitlines():
        if line.startswith("RESULT "):
            result = json.loads(line[len("RESULT "):])
    return {
        "label": label,
        "returncode": proc.returncode,
        "timed_out": timed_out.is_set(),
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "maxrss_mb": usage.ru_maxrss / 1024,  # Linux: kilobytes
        "stdout": stdout,
        "stderr": stderr,
        "result": result,
    }


def publish_command() -> list[str]:
    script = Path(sys.executable).with_name("sahel-data")
    if script.exists():
        return [str(script)]
    found = shutil.which("sahel-data")
    if found:
        return [found]
    return [sys.executable, "-c", "from sahel_data.cli import main; main()"]


_PUBLISH_HELP: list[str] = []


def publish_has_option(option: str) -> bool:
    if not _PUBLISH_HELP:
        proc = subprocess.run(publish_command() + ["publish", "--help"], capture_output=True, text=True,
                              env={**os.environ, "COLUMNS": "200"})
        _PUBLISH_HELP.append(proc.stdout)
    return option in _PUBLISH_HELP[0]


_CODE_DIR: list[Path] = []  # the frozen copy of src/ that children import, if any


def freeze_code(tmp: Path, which: str) -> str:
    """Copy the package's source into `tmp` so that edits made to the work tree
    during the benchmark (other people work in it) neither change the code
    being timed nor invalidate the extraction cache between runs.
    `which`: "head" (the last commit) or "worktree" (the files as they are)."""
    dest = tmp / "code"  # a copy of the repository's layout: the package reads ../../schemas
    if which == "head":
        dest.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=REPO,
                                 capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
        label = "the last commit"
    else:
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        for folder in ("src", "schemas"):
            if (REPO / folder).is_dir():
                shutil.copytree(REPO / folder, dest / folder, ignore=ignore)
        label = "the work tree (src/ and schemas/)"
    _CODE_DIR.append(dest / "src")
    return label


def child_env(prefect_home: Path) -> dict:
    env = dict(os.environ)
    if _CODE_DIR:  # ahead of the editable install's path entry
        env["PYTHONPATH"] = os.pathsep.join([str(_CODE_DIR[0])] + [p for p in [env.get("PYTHONPATH")] if p])
    env["PREFECT_HOME"] = str(prefect_home)
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    env.setdefault("PYTHONHASHSEED", "0")
    return env


def tail(text: str, lines: int = 8) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


# ----------------------------------------------------------------------------
# the benchmark


def describe_machine() -> dict:
    info: dict[str, str] = {}
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        models = [line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")]
        info["cpu"] = models[0] if models else platform.processor() or "unknown"
    except OSError:
        info["cpu"] = platform.processor() or "unknown"
    try:
        info["nproc"] = subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        info["nproc"] = str(len(os.sched_getaffinity(0)))
    info["cpu_count"] = str(os.cpu_count())
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["memory"] = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        info["memory"] = "unknown"
    info["python"] = f"{platform.python_implementation()} {platform.python_version()}"
    info["os"] = f"{platform.system()} {platform.release()} ({platform.machine()})"
    try:
        load = os.getloadavg()
        info["load"] = f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    except OSError:
        info["load"] = "unknown"
    from importlib import metadata

    versions = []
    for name in ("sahel-data", "prefect", "pandera", "pyarrow", "quantulum3"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} (not installed)")
    info["packages"] = ", ".join(versions)
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                               capture_output=True, text=True).stdout.strip()
        info["commit"] = sha + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        info["commit"] = "unknown"
    return info


def time_publish_runs(n: int, work: Path, args, mode: str, log_dir: Path) -> dict:
    """Generate a corpus of n articles and time the cold, unchanged and 1 % runs."""
    raw = work / "raw"
    dist = work / "dist"
    t0 = time.perf_counter()
    corpus = generate.generate(raw, n, seed=args.seed, size=args.size)
    corpus["generate_seconds"] = time.perf_counter() - t0
    env = child_env(work / "prefect-home")
    if mode == "publish":
        cmd = publish_command() + ["publish", "--raw", str(raw), "--dist", str(dist)]
        if publish_has_option("--cache"):  # keep the extraction cache in the temporary folder
            cmd += ["--cache", str(work / "cache")]
        cmd += args.publish_arg
    else:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", "extract", str(raw)]
    runs = {}
    runs["cold"] = run_child(cmd, cwd=work, env=env, timeout=args.timeout, log_dir=log_dir, label=f"{n}-cold")
    report_run(n, "cold", runs["cold"], corpus)
    if runs["cold"]["returncode"] != 0:
        return {"corpus": corpus, "runs": runs, "changed": 0}
    runs["unchanged"] = run_child(cmd, cwd=work, env=env, timeout=args.timeout, log_dir=log_dir,
                                  label=f"{n}-unchanged")
    report_run(n, "unchanged", runs["unchanged"], corpus)
    if runs["cold"]["wall"] > args.max_rerun:
        print(f"  N={n:>6} changed      skipped: the cold run took {runs['cold']['wall']:.0f} s "
              f"(> --max-rerun {args.max_rerun:.0f} s)", flush=True)
        return {"corpus": corpus, "runs": runs, "changed": 0,
                "changed_skipped": f"not run: the cold run took {runs['cold']['wall']:.0f} s, more than "
                                   f"--max-rerun {args.max_rerun:.0f} s"}
    changed = generate.mutate(raw, args.change, seed=args.seed + n)
    runs["changed"] = run_child(cmd, cwd=work, env=env, timeout=args.timeout, log_dir=log_dir,
                                label=f"{n}-changed")
    report_run(n, f"{len(changed)} changed", runs["changed"], corpus)
    return {"corpus": corpus, "runs": runs, "changed": len(changed)}


_LOG_LINE = re.compile(r"^(\d\d):(\d\d):(\d\d\.\d+) \| \w+ +\| (.*)$")
_TASK_DONE = re.compile(r"Task run '(.+)-[0-9a-f]{3,}' - Finished in state")


def step_times(stderr: str) -> dict[str, float]:
    """Seconds spent in each step of a publish run, from Prefect's log timestamps.

    A step's time runs from the previous log line to its task's "Finished"
    line (mapped tasks of one name add up); "start-up" is the temporary
    server's start, "shut-down" what follows the flow's last line.
    """
    events = []
    day = 0.0
    last = None
    for line in stderr.splitlines():
        match = _LOG_LINE.match(line)
        if not match:
            continue
        stamp = int(match[1]) * 3600 + int(match[2]) * 60 + float(match[3]) + day
        if last is not None and stamp < last - 43200:  # past midnight
            day += 86400
            stamp += 86400
        last = stamp
        events.append((stamp, match[4]))
    steps: dict[str, float] = {}
    begin = next((t for t, msg in events if "Beginning flow run" in msg), None)
    if not events or begin is None:
        return steps
    steps["start-up (server)"] = begin - events[0][0]
    previous = begin
    for stamp, message in events:
        if stamp < begin:
            continue
        done = _TASK_DONE.search(message)
        if done:
            name = done[1]
            steps[name] = steps.get(name, 0.0) + (stamp - previous)
            previous = stamp
        elif "Flow run" in message and "Finished in state" in message:
            steps["flow end"] = stamp - previous
            previous = stamp
    steps["shut-down"] = events[-1][0] - previous
    return steps


def cold_ok(data: dict) -> bool:
    cold = data["runs"].get("cold")
    return cold is not None and cold["returncode"] == 0


def predict_seconds(per_n: dict[int, dict], n: int) -> float | None:
    """Cold time of n articles extrapolated from the two largest successful runs
    (power law, exponent at least 1: the fixed start-up cost hides growth)."""
    done = sorted((m, d["runs"]["cold"]["wall"]) for m, d in per_n.items() if cold_ok(d))
    if not done:
        return None
    if len(done) == 1:
        m, t = done[0]
        return t * n / m
    (m1, t1), (m2, t2) = done[-2], done[-1]
    exponent = max(1.0, math.log(t2 / t1) / math.log(m2 / m1)) if m2 != m1 and t1 > 0 else 1.0
    return t2 * (n / m2) ** exponent


def report_run(n: int, what: str, run: dict, corpus: dict) -> None:
    if run["returncode"] != 0:
        why = "timed out" if run["timed_out"] else f"exit {run['returncode']}"
        print(f"  N={n:>6} {what:<12} FAILED ({why}) after {run['wall']:.1f} s\n{tail(run['stderr'])}", flush=True)
        return
    mb = corpus["bytes"] / 1e6
    print(
        f"  N={n:>6} {what:<12} {run['wall']:8.2f} s  {n / run['wall']:8.1f} articles/s  "
        f"{mb / run['wall']:6.2f} MB/s  cpu {run['cpu']:7.1f} s  peak {run['maxrss_mb']:7.0f} MB",
        flush=True,
    )


def time_extraction_and_quantulum(work: Path, args, log_dir: Path, extract_available: bool) -> dict:
    """Extraction alone and quantulum3, on the same generated articles."""
    raw = work / "raw"
    generate.generate(raw, args.extract_docs, seed=args.seed, size=args.size)
    env = child_env(work / "prefect-home")
    me = [sys.executable, str(Path(__file__).resolve()), "--worker"]
    out: dict = {}
    if extract_available:
        out["extract_full"] = run_child(me + ["extract", str(raw), "--max-docs", str(args.extract_docs)],
                                        cwd=work, env=env, timeout=args.timeout, log_dir=log_dir,
                                        label="extract-full")
        out["extract_parallel"] = run_child(me + ["extract-parallel", str(raw), "--max-docs", str(args.extract_docs)],
                                            cwd=work, env=env, timeout=args.timeout, log_dir=log_dir,
                                            label="extract-parallel")
        out["extract_sample"] = run_child(me + ["extract", str(raw), "--max-chars", str(args.quantulum_chars)],
                                          cwd=work, env=env, timeout=args.timeout, log_dir=log_dir,
                                          label="extract-sample")
    out["quantulum"] = run_child(me + ["quantulum", str(raw), "--max-chars", str(args.quantulum_chars)],
                                 cwd=work, env=env, timeout=args.timeout, log_dir=log_dir, label="quantulum")
    for key, run in out.items():
        res = run["result"]
        if run["returncode"] == 0 and res:
            print(f"  {key:<15} {res['chars']:>10,} chars in {res['seconds']:7.2f} s = "
                  f"{res['chars'] / res['seconds']:>12,.0f} chars/s (load {res['import_seconds']:.1f} s, "
                  f"peak {run['maxrss_mb']:.0f} MB)", flush=True)
        else:
            print(f"  {key:<15} FAILED (exit {run['returncode']})\n{tail(run['stderr'])}", flush=True)
    return out


def extract_importable() -> tuple[bool, str]:
    proc = subprocess.run([sys.executable, "-c", "from sahel_data.extract import extract_document"],
                          capture_output=True, text=True, env=child_env(Path(tempfile.gettempdir())))
    return proc.returncode == 0, error_line(proc.stderr)


def error_line(stderr: str) -> str:
    """The line of a child's stderr that says what went wrong."""
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    for line in reversed(lines):
        head = line.split(":", 1)[0]
        if line.startswith("error:") or head.endswith(("Error", "Exception", "Failed")):
            return line
    return lines[-1] if lines else "no message"


# ----------------------------------------------------------------------------
# results.md


def fmt(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}"


def write_results(path: Path, machine: dict, started: str, mode: str, notes: list[str],
                  per_n: dict[int, dict], compare: dict, args) -> str:
    notes = list(notes)
    lines = [
        "# Benchmark results",
        "",
        f"Run {started} UTC with `python bench/run.py {' '.join(map(str, args.sizes))}` "
        f"(mode `{mode}`, seed {args.seed}, ~{args.size:,} bytes per article, "
        f"{args.change:.0%} changed for the incremental run"
        + (f", publish arguments `{' '.join(args.publish_arg)}`" if args.publish_arg else "")
        + f"), commit {machine['commit']}.",
        "",
        "## Machine",
        "",
        f"- CPU: {machine['cpu']}; `nproc` {machine['nproc']} (os.cpu_count {machine['cpu_count']})",
        f"- Memory: {machine['memory']}",
        f"- {machine['python']} on {machine['os']}",
        f"- Load average at start: {machine['load']} (the machine is shared: figures are indicative)",
        f"- Packages: {machine['packages']}",
        "",
    ]
    what = ("`sahel-data publish --raw RAW --dist DIST`" if mode == "publish"
            else "`sahel_data.extract.extract_document` over the corpus (publish not available)")
    lines += [
        f"## Corpus runs: {what}",
        "",
        "Wall time of the whole subprocess (interpreter start, imports"
        + (", Prefect's temporary server" if mode == "publish" else "")
        + " included). MB = 10^6 bytes of article text. Peak = largest resident set of the "
        "process and of the children it waited for (`ru_maxrss` from `os.wait4`).",
        "",
        "| articles | MB | cold run s | articles/s | MB/s | CPU s | peak MB | unchanged re-run s | peak MB | re-run, 1 % changed s | peak MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, data in per_n.items():
        corpus, runs = data["corpus"], data["runs"]
        mb = corpus["bytes"] / 1e6
        cells = [f"{n:,}", fmt(mb)]
        if data.get("skipped"):
            lines.append("| " + " | ".join(cells + [f"not run: {data['skipped']}"] + [""] * 8) + " |")
            continue
        cold = runs["cold"]
        if cold["returncode"] != 0:
            cells += ["failed" if not cold["timed_out"] else "timed out"] + [""] * 8
        else:
            cells += [fmt(cold["wall"], 2), fmt(n / cold["wall"]), fmt(mb / cold["wall"], 2),
                      fmt(cold["cpu"]), fmt(cold["maxrss_mb"], 0)]
            for key in ("unchanged", "changed"):
                run = runs.get(key)
                if run is None and key == "changed" and data.get("changed_skipped"):
                    cells += [data["changed_skipped"], ""]
                elif run is None or run["returncode"] != 0:
                    cells += ["failed", ""]
                else:
                    label = fmt(run["wall"], 2)
                    if key == "changed":
                        label += f" ({data['changed']:,} files)"
                    cells += [label, fmt(run["maxrss_mb"], 0)]
        lines.append("| " + " | ".join(cells) + " |")
        for key, run in runs.items():
            if run["returncode"] != 0:
                why = "timed out" if run["timed_out"] else f"exit {run['returncode']}"
                notes.append(f"N={n:,}, {key} run failed ({why}): `{error_line(run['stderr'])}`")
    lines.append("")

    breakdowns = {n: step_times(d["runs"]["cold"]["stderr"]) for n, d in per_n.items()
                  if mode == "publish" and cold_ok(d)}
    breakdowns = {n: b for n, b in breakdowns.items() if b}
    if breakdowns:
        names: list[str] = []
        for b in breakdowns.values():
            names += [k for k in b if k not in names]
        lines += ["Where the cold runs' time goes (seconds, from Prefect's log timestamps; a step runs from "
                  "the log line before it to its end, so Prefect's own overhead is counted in):", "",
                  "| step | " + " | ".join(f"{n:,} articles" for n in breakdowns) + " |",
                  "|---|" + "---:|" * len(breakdowns)]
        for name in names:
            lines.append(f"| {name} | " + " | ".join(fmt(b.get(name, 0.0), 2) for b in breakdowns.values()) + " |")
        lines.append("| (rest: interpreter start, imports) | " + " | ".join(
            fmt(per_n[n]["runs"]["cold"]["wall"] - sum(breakdowns[n].values()), 2) for n in breakdowns) + " |")
        lines.append("")

    fit = fixed_and_marginal(per_n)
    if fit:
        fixed, per_article = fit
        lines += [f"A straight line through the cold runs: about {fixed:.1f} s of fixed cost (start-up) "
                  f"plus {per_article * 1000:.2f} ms per article.", ""]

    lines += ["## Extraction alone and quantulum3, same articles", "",
              "Each in its own subprocess; import and model loading excluded from the time.", "",
              "| tool | articles | chars | seconds | chars/s | peak MB |", "|---|---:|---:|---:|---:|---:|"]
    rates: dict[str, float] = {}
    names = {"extract_full": "sahel_data extract_document",
             "extract_parallel": f"sahel_data extract_document, {os.cpu_count()} processes (all cores)",
             "extract_sample": "sahel_data extract_document (sample)",
             "quantulum": "quantulum3 parser.parse (sample)"}
    for key, run in compare.items():
        res = run["result"]
        if run["returncode"] != 0 or not res:
            lines.append(f"| {names[key]} | failed | | | | |")
            notes.append(f"{names[key]} failed: `{error_line(run['stderr'])}`")
            continue
        rate = res["chars"] / res["seconds"] if res["seconds"] else float("inf")
        rates[key] = rate
        lines.append(f"| {names[key]} | {res['documents']:,} | {res['chars']:,} | {fmt(res['seconds'], 2)} | "
                     f"{rate:,.0f} | {fmt(run['maxrss_mb'], 0)} |")
    lines.append("")

    lines += ["## Targets", ""]
    big = per_n.get(10000)
    if big and cold_ok(big) and mode == "publish":
        wall = big["runs"]["cold"]["wall"]
        verdict = "met" if wall < TARGET_SECONDS_10K else "NOT met"
        lines.append(f"- 10,000 articles ({big['corpus']['bytes'] / 1e6:.1f} MB) publish in under "
                     f"{TARGET_SECONDS_10K:.0f} s: **{verdict}** ({wall:.1f} s).")
    elif big and big.get("skipped"):
        lines.append(f"- 10,000 articles publish in under {TARGET_SECONDS_10K:.0f} s: **NOT met** "
                     f"(not run: {big['skipped']}).")
    else:
        lines.append(f"- 10,000 articles publish in under {TARGET_SECONDS_10K:.0f} s: not measured "
                     f"(no successful 10,000-article `publish` run in this benchmark).")
    q = rates.get("quantulum")
    if q:
        for key, label in (("extract_full", "extraction alone, one core, 1,000 articles"),
                           ("extract_sample", "extraction alone, one core, the quantulum3 sample"),
                           ("extract_parallel", f"extraction alone on all {os.cpu_count()} cores (quantulum3 "
                                                "in its one process), 1,000 articles")):
            if key in rates:
                ratio = rates[key] / q
                verdict = "met" if ratio >= TARGET_RATIO else "NOT met"
                lines.append(f"- Throughput >= {TARGET_RATIO:.0f}x quantulum3 ({q:,.0f} chars/s), {label}: "
                             f"**{verdict}** ({ratio:,.0f}x).")
        for n, data in per_n.items():
            if cold_ok(data) and mode == "publish":
                rate = data["corpus"]["chars"] / data["runs"]["cold"]["wall"]
                lines.append(f"- Whole `publish` of {n:,} articles, start-up included: {rate:,.0f} chars/s = "
                             f"{rate / q:,.0f}x quantulum3.")
    lines.append("")
    if notes:
        lines += ["## Notes", ""] + [f"- {note}" for note in notes] + [""]
    text = "\n".join(lines)
    # hand-written reading of the figures below the marker survives a new run
    previous = path.read_text(encoding="utf-8") if path.is_file() else ""
    if KEEP_MARKER in previous:
        text += "\n" + previous[previous.index(KEEP_MARKER):]
    path.write_text(text, encoding="utf-8")
    return text


def fixed_and_marginal(per_n: dict[int, dict]) -> tuple[float, float] | None:
    """Least-squares fit of cold wall time = fixed + n * per_article."""
    points = [(n, d["runs"]["cold"]["wall"]) for n, d in per_n.items() if cold_ok(d)]
    if len(points) < 2:
        return None
    mean_n = sum(n for n, _ in points) / len(points)
    mean_t = sum(t for _, t in points) / len(points)
    var = sum((n - mean_n) ** 2 for n, _ in points)
    if not var:
        return None
    slope = sum((n - mean_n) * (t - mean_t) for n, t in points) / var
    return mean_t - slope * mean_n, slope


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--worker":
        return worker_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 10000], metavar="N",
                        help="corpus sizes in articles (default: 100 1000 10000)")
    parser.add_argument("--mode", choices=["auto", "publish", "extract"], default="auto")
    parser.add_argument("--out", type=Path, default=HERE / "results.md")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--size", type=int, default=5000, help="approximate bytes per article")
    parser.add_argument("--change", type=float, default=0.01, help="fraction changed for the re-run")
    parser.add_argument("--extract-docs", type=int, default=1000, help="articles for extraction alone")
    parser.add_argument("--quantulum-chars", type=int, default=200_000, help="characters given to quantulum3")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds allowed per run")
    parser.add_argument("--publish-arg", action="append", default=[], metavar="ARG",
                        help="extra argument for `sahel-data publish` (repeat: --publish-arg=--task-runner "
                             "--publish-arg=dask)")
    parser.add_argument("--code", choices=["head", "worktree", "installed"], default="head",
                        help="code to time: a frozen copy of the last commit (default), of the work tree, "
                             "or the installed package as it is (it may change while the benchmark runs)")
    parser.add_argument("--max-rerun", type=float, default=600.0,
                        help="skip the 1 %% changed re-run when the cold run took longer than this (seconds)")
    parser.add_argument("--no-skip", action="store_true",
                        help="run every N even when the smaller runs predict it exceeds --timeout")
    parser.add_argument("--no-compare", action="store_true", help="skip extraction alone and quantulum3")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    started = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M")
    machine = describe_machine()
    print(f"machine: {machine['cpu']}, nproc {machine['nproc']}, {machine['memory']}, {machine['python']}")
    tmp = Path(tempfile.mkdtemp(prefix="sahel-bench-"))
    log_dir = tmp / "logs"
    notes: list[str] = []
    if args.code != "installed":
        machine["commit"] += f"; code timed: a frozen copy of {freeze_code(tmp, args.code)}"
    extract_ok, extract_problem = extract_importable()
    mode = args.mode
    per_n: dict[int, dict] = {}
    compare: dict = {}
    try:
        for index, n in enumerate(args.sizes):
            work = tmp / f"n{n}"
            run_mode = "publish" if mode in ("auto", "publish") else "extract"
            predicted = predict_seconds(per_n, n) if run_mode == "publish" else None
            if predicted is not None and predicted > args.timeout and not args.no_skip:
                why = (f"predicted {predicted:,.0f} s from the smaller runs, more than the "
                       f"{args.timeout:,.0f} s allowed per run (--timeout; --no-skip runs it anyway)")
                print(f"N={n}: skipped, {why}", flush=True)
                per_n[n] = {"corpus": {"documents": n, "bytes": n * args.size, "chars": n * args.size},
                            "runs": {}, "changed": 0, "skipped": why}
                continue
            print(f"N={n}: mode {run_mode}", flush=True)
            data = time_publish_runs(n, work, args, run_mode, log_dir)
            if mode == "auto" and index == 0:
                if data["runs"]["cold"]["returncode"] != 0:
                    problem = error_line(data["runs"]["cold"]["stderr"])
                    notes.append(f"`sahel-data publish` failed on the first corpus (`{problem}`), so "
                                 "extraction alone was timed instead.")
                    mode = "extract"
                    if not extract_ok:
                        per_n[n] = data
                        break
                    shutil.rmtree(work, ignore_errors=True)
                    print(f"N={n}: publish failed; mode extract", flush=True)
                    data = time_publish_runs(n, work, args, "extract", log_dir)
                else:
                    mode = "publish"
            per_n[n] = data
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        if mode == "auto":
            mode = "publish"
        if mode == "extract" and extract_ok:
            notes.append("Mode `extract` has no cache: the re-runs redo all the work, and their times "
                         "only show the spread between runs.")
        if not args.no_compare:
            print("extraction alone and quantulum3:", flush=True)
            compare = time_extraction_and_quantulum(tmp / "compare", args, log_dir, extract_ok)
        if not extract_ok:
            notes.append(f"`sahel_data.extract` cannot be imported (`{extract_problem}`), so extraction "
                         "alone was not timed.")
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    text = write_results(args.out, machine, started, mode, notes, per_n, compare, args)
    print(f"\nwrote {args.out}\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
