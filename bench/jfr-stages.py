#!/usr/bin/env python3
"""Where a batch's CPU goes, stage by stage, from a JFR recording's execution samples or async-profiler's CPU samples.

  java -XX:StartFlightRecording=filename=run.jfr,settings=profile -jar target/twitch.jar batch ...
  bench/jfr-stages.py run.jfr [--skip SECONDS] [--top N]
  java -agentpath:libasyncProfiler.so=start,event=cpu,interval=2ms,threads,file=run.collapsed,collapsed -jar ...
  bench/jfr-stages.py run.collapsed [more.collapsed ...] [--top N]

Each sample is put in the stage of the innermost frame that names one (a rule action's logical insert is
"firing", the listener it calls is "recording"), so the stages add up to the samples. --skip drops the
first seconds after the first worker sample (JIT warm-up) to show the steady state. JFR samples Java threads
only; async-profiler's collapsed stacks (a file ending in .collapsed) also hold the JIT compiler's and the
garbage collector's threads and the JVM's own stubs, so they show what a whole process spends; for the steady
state, give only the later files of a run profiled with the agent's loop=10s,file=run-%n.collapsed.
"""
import collections, re, subprocess, sys

# (stage, frame prefixes); the first stage whose prefix matches, from the leaf frame outwards, wins.
STAGES = [
    ("recording", ["org.twitchadvisor.internal.engine.DerivationRecorder."]),
    ("assembly", ["org.twitchadvisor.internal.explain.FindingAssembler."]),
    ("JSON", ["org.twitchadvisor.internal.explain.ExplanationJsonCache.", "org.twitchadvisor.TwitchAdvisor.writeJson",
              "com.fasterxml.jackson.core.json.UTF8JsonGenerator", "com.fasterxml.jackson.databind.ObjectWriter"]),
    ("CSV out", ["org.twitchadvisor.batch.ResultFormat$Csv.", "org.twitchadvisor.internal.text.SpreadsheetCsv."]),
    ("tally", ["org.twitchadvisor.batch.Tally."]),
    ("firing", ["org.drools.core.common.DefaultAgenda.fireAllRules", "org.drools.kiesession.session.StatefulKnowledgeSessionImpl.fireAllRules",
                "org.drools.core.phreak.RuleExecutor", "org.drools.core.phreak.RuleNetworkEvaluator"]),
    ("insert", ["org.drools.kiesession.session.StatefulKnowledgeSessionImpl.insert", "org.drools.core.common.NamedEntryPoint.insert",
                "org.drools.core.reteoo.EntryPointNode.", "org.drools.core.reteoo.ObjectTypeNode."]),
    ("session reset", ["org.drools.kiesession.session.StatefulKnowledgeSessionImpl.reset", "org.drools.kiesession.session.StatefulKnowledgeSessionImpl.dispose",
                       "org.drools.core.impl.", "org.drools.kiesession.session.StatefulSessionPool", "org.drools.kiesession.session.KieSessionsPoolImpl"]),
    ("engine other", ["org.twitchadvisor.internal.engine.Engine."]),
    ("parse", ["org.twitchadvisor.internal.questions.", "org.twitchadvisor.batch.CsvHeader.", "org.twitchadvisor.TwitchAdvisor.fromCsvCells"]),
    ("read", ["org.twitchadvisor.batch.CsvRecordReader", "org.twitchadvisor.batch.JsonLinesRecordReader", "com.fasterxml.jackson.dataformat.csv."]),
    ("write", ["org.twitchadvisor.cli.UncachedFileOutputStream", "java.io.FileOutputStream", "org.twitchadvisor.batch.BatchRunner.execute"]),
    ("rule compile", ["org.twitchadvisor.internal.engine.KnowledgeBase.load", "org.twitchadvisor.internal.engine.KnowledgeBase.<init>",
                      "org.twitchadvisor.internal.engine.KnowledgeBase.kieBaseForOneThread", "org.drools.compiler.",
                      "org.kie.internal.builder.", "org.kie.api.builder."]),
    # Native frames, in async-profiler's samples only.
    ("JIT compiler", ["CompileBroker::"]),
    ("garbage collector", ["GangWorker::", "WorkerThread::", "VM_ParallelGCFailedAllocation"]),
]


def samples(path):
    """(seconds, thread, frames innermost first, weight) per sample; a collapsed file has no times."""
    if path.endswith(".collapsed"):
        yield from collapsed(path)
        return
    text = subprocess.run(["jfr", "print", "--stack-depth", "300", "--events", "jdk.ExecutionSample", path],
                          capture_output=True, text=True, check=True).stdout
    for block in text.split("jdk.ExecutionSample {")[1:]:
        t = re.search(r"startTime = (\d+):(\d+):([\d.]+)", block)
        seconds = int(t.group(1)) * 3600 + int(t.group(2)) * 60 + float(t.group(3))
        thread = re.search(r'sampledThread = "([^"]*)"', block).group(1)
        stack = block.split("stackTrace = [", 1)[1].split("\n  ]", 1)[0]
        frames = [re.sub(r"\s+line:.*", "", f.strip()) for f in stack.strip().splitlines()]
        frames = [f for f in frames if f and f != "..."]
        yield seconds, thread, frames, 1


def collapsed(path):
    with open(path) as f:
        for line in f:
            stack, _, count = line.rstrip("\n").rpartition(" ")
            frames = stack.split(";")
            thread = "?"
            named = re.fullmatch(r"\[(.*?) ?tid=\d+\]", frames[0]) if frames else None
            if named:  # the agent's "threads" option puts the thread first
                frames.pop(0)
                thread = named.group(1) or "unnamed"
            # Java frames are written with slashes (org/drools/...); C++ frames keep their "::".
            frames = [fr if "::" in fr else fr.replace("/", ".") for fr in reversed(frames)]
            yield 0.0, thread, frames, int(count)


def stage(frames):
    for f in frames:
        for name, prefixes in STAGES:
            if any(f.startswith(p) for p in prefixes):
                return name
    return "other"


def main():
    args = sys.argv[1:]
    skip = float(args[args.index("--skip") + 1]) if "--skip" in args else 0.0
    top = int(args[args.index("--top") + 1]) if "--top" in args else 15
    all_samples = list(samples(args[0]))
    for more in args[1:]:
        if more.endswith(".collapsed"):
            all_samples += list(samples(more))
    workers = [s for s, th, _, _ in all_samples if th.startswith("twitch-batch-worker")]
    start = min(workers) + skip if workers else 0
    kept = [(th, fr, w) for s, th, fr, w in all_samples if s >= start]
    stages, threads, leaves = collections.Counter(), collections.Counter(), collections.Counter()
    for th, fr, w in kept:
        stages[stage(fr)] += w
        threads[re.sub(r"-\d+$", "", th)] += w
        if fr:
            leaves[re.sub(r"\(.*", "", fr[0])] += w
    n = max(sum(w for _, _, w in kept), 1)
    print(f"{n} samples (of {sum(w for _, _, _, w in all_samples)}), from {skip:.0f} s after the first worker sample")
    print("| stage | share |\n|---|---|")
    for name, c in stages.most_common():
        print(f"| {name} | {100 * c / n:.1f}% |")
    print("\nthreads: " + ", ".join(f"{t} {100 * c / n:.0f}%" for t, c in threads.most_common()))
    print(f"\ntop {top} leaf frames (self time):")
    for f, c in leaves.most_common(top):
        print(f"  {100 * c / n:5.1f}%  {f}")


main()
