#!/usr/bin/env python3
"""The edge resource budget, measured from an unpacked archive (docs/edge.md, "Budget").

    scripts/edge/budget.py ARCHIVE_DIR [--runs 3] [--window 40] [--json OUT.json]

1. Start-up: `bin/vla run --no-bag` (the main job) from process start to the node being on DDS and to
   the first affordance call, over --runs runs, plus each run's peak resident memory.
2. The whole stack in one JVM as a robot runs it (`bin/vla launch sim.launch.xml policy:=vla`, speech
   on, camera at 30 Hz): resident memory sampled every 0.5 s and CPU over --window seconds.
3. CPU per node: each node in its own process on DDS (`bin/vla node NAME`), camera at 30 Hz, CPU and
   resident memory per process over --window seconds while the bundled task runs.

Only the standard library; Linux /proc. Prints a Markdown table; --json writes every figure.
"""
import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def cpu_seconds(pid):
    """utime + stime of a process, in seconds (all its threads)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def status_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


class Proc:
    """A child process whose output lines are time-stamped as they arrive."""

    def __init__(self, argv, env, name):
        self.name = name
        self.start = time.monotonic()
        self.p = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  bufsize=1, start_new_session=True)
        self.lines = []
        self.peak_rss_kb = 0
        self.t = threading.Thread(target=self._read, daemon=True)
        self.t.start()

    def _read(self):
        for line in self.p.stdout:
            self.lines.append((time.monotonic() - self.start, line.rstrip("\n")))

    def first(self, pattern):
        """Seconds from start to the first output line matching pattern, or None."""
        rx = re.compile(pattern)
        for t, line in list(self.lines):
            if rx.search(line):
                return t
        return None

    def wait_for(self, pattern, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.first(pattern) is not None:
                return True
            if self.p.poll() is not None:
                return False
            time.sleep(0.05)
        return False

    def sample(self):
        try:
            self.peak_rss_kb = max(self.peak_rss_kb, status_kb(self.p.pid, "VmHWM"))
            return status_kb(self.p.pid, "VmRSS")
        except (FileNotFoundError, ProcessLookupError):
            return 0

    def stop(self):
        if self.p.poll() is None:
            os.killpg(self.p.pid, signal.SIGINT)
            try:
                self.p.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.p.pid, signal.SIGKILL)
                self.p.wait()
        self.t.join(5)

    def tail(self, n=15):
        return "\n".join(f"    [{self.name} {t:6.2f}s] {l}" for t, l in self.lines[-n:])


# A decision as `vla launch` and `vla node vla` print it: "vla: pick(target=...)@(x,y) conf=0.93 — ...".
DECISION = re.compile(r"^vla: [a-z_]+\(.*\) conf=")


def count(lines, rx):
    return sum(1 for _, line in lines if rx.search(line))


def startup(vla, env, runs, policy):
    out = []
    for i in range(runs):
        p = Proc([vla, "run", "--no-bag", "--policy", policy], env, "run")
        while p.p.poll() is None:
            p.sample()
            time.sleep(0.05)
        p.t.join(5)
        node, call = p.first(r"\] sim: t=\S+ say #0"), p.first(r"\] vla: call ")
        ok = p.first(r"^SUCCESS") is not None
        if node is None or call is None:
            sys.exit(f"budget: run {i + 1} printed no instruction or no decision:\n{p.tail()}")
        out.append({"instruction_s": node, "first_decision_s": call, "exit_s": p.lines[-1][0] if p.lines else None,
                    "peak_rss_mb": p.peak_rss_kb / 1024, "success": ok})
        print(f"  {policy} run {i + 1}: instruction {node:.2f} s, first decision {call:.2f} s, peak RSS "
              f"{p.peak_rss_kb / 1024:.0f} MB, {'success' if ok else 'FAILED'}", file=sys.stderr)
    return out


def params_30hz(home, tmp):
    src = os.path.join(home, "ros2/vla_controller/config/vla_controller.yaml")
    with open(src) as f:
        text = f.read()
    text, n = re.subn(r"camera_rate: *[0-9.]+", "camera_rate: 30.0", text)
    if n != 1:
        sys.exit("budget: cannot find the sim node's camera_rate in " + src)
    dst = os.path.join(tmp, "params-30hz.yaml")
    with open(dst, "w") as f:
        f.write(text)
    return dst


def window(procs, seconds):
    """CPU seconds per process and resident memory samples over a window."""
    cpu0 = {p.name: cpu_seconds(p.p.pid) for p in procs}
    t0 = time.monotonic()
    rss = {p.name: [] for p in procs}
    totals = []
    while time.monotonic() - t0 < seconds:
        total = 0
        for p in procs:
            r = p.sample()
            rss[p.name].append(r)
            total += r
        totals.append(total)
        if any(p.p.poll() is not None for p in procs):
            dead = [p for p in procs if p.p.poll() is not None]
            sys.exit("budget: a process ended during the window:\n" + "\n".join(d.tail() for d in dead))
        time.sleep(0.5)
    dt = time.monotonic() - t0
    return {p.name: {"cpu_percent": 100 * (cpu_seconds(p.p.pid) - cpu0[p.name]) / dt,
                     "rss_mb_median": statistics.median(rss[p.name]) / 1024,
                     "rss_mb_max": max(rss[p.name]) / 1024,
                     "peak_rss_mb": p.peak_rss_kb / 1024} for p in procs}, max(totals) / 1024, dt


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("archive_dir", help="an unpacked vla-controller archive (the folder with bin/vla)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--window", type=float, default=40)
    ap.add_argument("--json")
    a = ap.parse_args()
    home = os.path.abspath(a.archive_dir)
    vla = os.path.join(home, "bin/vla")
    if not os.access(vla, os.X_OK):
        sys.exit(f"budget: {vla} not found: give the unpacked archive's folder")
    env = dict(os.environ, ROS_DOMAIN_ID=str(os.environ.get("ROS_DOMAIN_ID", "42")))
    result = {"archive": os.path.basename(home), "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        env["VLA_RUNS"] = os.path.join(tmp, "runs")
        result["startup"] = {}
        for policy in ("keyword", "vla"):
            print(f"budget: start-up (vla run --policy {policy}: the main job)", file=sys.stderr)
            result["startup"][policy] = startup(vla, env, a.runs, policy)

        params = params_30hz(home, tmp)
        print(f"budget: whole stack in one JVM, camera 30 Hz, {a.window:.0f} s", file=sys.stderr)
        launch = Proc([vla, "launch", os.path.join(home, "ros2/vla_controller/launch/sim.launch.xml"),
                       "policy:=vla", f"params_file:={params}"], env, "launch")
        try:
            if not launch.wait_for(r"Ctrl-C", 120):
                sys.exit("budget: the launched stack did not come up:\n" + launch.tail())
            per, peak_total, dt = window([launch], a.window)
            result["one_jvm"] = dict(per["launch"], window_s=dt,
                                     decisions=count(launch.lines, DECISION))
        finally:
            launch.stop()

        print(f"budget: one process per node, camera 30 Hz, {a.window:.0f} s", file=sys.stderr)
        nodes = []
        try:
            for name, extra in (("executor", []), ("speech", []), ("vla", ["-p", "policy:=vla"])):
                p = Proc([vla, "node", name, "--params-file", params] + extra, env, name)
                nodes.append(p)
                if not p.wait_for(r"Ctrl-C to stop", 120):
                    sys.exit(f"budget: node {name} did not start:\n{p.tail()}")
            sim = Proc([vla, "node", "sim", "--params-file", params], env, "sim")
            nodes.append(sim)
            if not sim.wait_for(r"Ctrl-C to stop", 120):
                sys.exit("budget: node sim did not start:\n" + sim.tail())
            per, peak_total, dt = window(nodes, a.window)
            result["per_node"] = per
            result["per_node_total_rss_mb"] = peak_total
            result["per_node_window_s"] = dt
            result["per_node_decisions"] = sum(count(n.lines, DECISION) for n in nodes)
        finally:
            for p in reversed(nodes):
                p.stop()

    print(f"\n## Edge budget: {result['archive']} ({result['cpus']} CPUs)\n")
    print("| measure | value | target |")
    print("|---|---|---|")
    for policy, s in result["startup"].items():
        n = len(s)
        print(f"| `vla run --policy {policy}`: process start → instruction delivered at sim t = 0.5 s "
              f"(median of {n}) | {statistics.median(x['instruction_s'] for x in s):.2f} s | |")
        print(f"| `vla run --policy {policy}`: process start → first decision (median of {n}) | "
              f"{statistics.median(x['first_decision_s'] for x in s):.2f} s | ≤ 5 s |")
        print(f"| `vla run --policy {policy}`: peak resident memory (max of {n}) | "
              f"{max(x['peak_rss_mb'] for x in s):.0f} MB | |")
    o = result["one_jvm"]
    print(f"| whole stack, one JVM, 30 Hz: resident memory median / max / peak | {o['rss_mb_median']:.0f} / "
          f"{o['rss_mb_max']:.0f} / {o['peak_rss_mb']:.0f} MB | ≤ 1.5 GB |")
    print(f"| whole stack, one JVM, 30 Hz: CPU | {o['cpu_percent']:.0f} % of one core "
          f"({o['decisions']} decisions) | |")
    print(f"| nodes as separate processes: decisions in the window | {result['per_node_decisions']} | |")
    for name, v in result["per_node"].items():
        print(f"| node `{name}` alone, 30 Hz: CPU / resident memory | {v['cpu_percent']:.0f} % / "
              f"{v['rss_mb_max']:.0f} MB | |")
    print(f"| nodes as separate processes: resident memory, all together | "
          f"{result['per_node_total_rss_mb']:.0f} MB | |")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(result, f, indent=2)


if __name__ == "__main__":
    main()
