#!/usr/bin/env python3
"""Where a batch's CPU goes, stage by stage, from a JFR recording's execution samples.

  java -XX:StartFlightRecording=filename=run.jfr,settings=profile -jar target/twitch.jar batch ...
  bench/jfr-stages.py run.jfr [--skip SECONDS] [--top N]

Each sample is put in the stage of the innermost frame that names one (a rule action's logical insert is
"firing", the listener it calls is "recording"), so the stages add up to the samples. --skip drops the
first seconds after the first worker sample (JIT warm-up) to show the steady state.
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
    ("rule compile", ["org.twitchadvisor.internal.engine.KnowledgeBase.", "org.drools.compiler.", "org.kie."]),
]


def samples(path):
    text = subprocess.run(["jfr", "print", "--stack-depth", "300", "--events", "jdk.ExecutionSample", path],
                          capture_output=True, text=True, check=True).stdout
    for block in text.split("jdk.ExecutionSample {")[1:]:
        t = re.search(r"startTime = (\d+):(\d+):([\d.]+)", block)
        seconds = int(t.group(1)) * 3600 + int(t.group(2)) * 60 + float(t.group(3))
        thread = re.search(r'sampledThread = "([^"]*)"', block).group(1)
        stack = block.split("stackTrace = [", 1)[1].split("\n  ]", 1)[0]
        frames = [re.sub(r"\s+line:.*", "", f.strip()) for f in stack.strip().splitlines()]
        frames = [f for f in frames if f and f != "..."]
        yield seconds, thread, frames


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
    workers = [s for s, th, _ in all_samples if th.startswith("twitch-batch-worker")]
    start = min(workers) + skip if workers else 0
    kept = [(th, fr) for s, th, fr in all_samples if s >= start]
    stages, threads, leaves = collections.Counter(), collections.Counter(), collections.Counter()
    for th, fr in kept:
        stages[stage(fr)] += 1
        threads[re.sub(r"-\d+$", "", th)] += 1
        if fr:
            leaves[re.sub(r"\(.*", "", fr[0])] += 1
    n = max(len(kept), 1)
    print(f"{len(kept)} samples (of {len(all_samples)}), from {skip:.0f} s after the first worker sample")
    print("| stage | share |\n|---|---|")
    for name, c in stages.most_common():
        print(f"| {name} | {100 * c / n:.1f}% |")
    print("\nthreads: " + ", ".join(f"{t} {100 * c / n:.0f}%" for t, c in threads.most_common()))
    print(f"\ntop {top} leaf frames (self time):")
    for f, c in leaves.most_common(top):
        print(f"  {100 * c / n:5.1f}%  {f}")


main()
