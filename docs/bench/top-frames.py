#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording written by `connector bench --profile FILE`.

    jfr print --json --stack-depth 64 --events jdk.ExecutionSample FILE > samples.json
    python3 docs/bench/top-frames.py samples.json

Prints the share of samples per thread group, per kind of work (the first matching frame of the
stack, from the top), and the top frames by self time.
"""
import collections
import json
import re
import sys

THREADS = [
    ("Tika extraction (connectorkit-extract-*)", r"^connectorkit-extract"),
    ("crawl threads (crawl-*)", r"^crawl-"),
    ("simulator (fake-mimecast)", r"fake-mimecast|^HTTP-Dispatcher|^simulator"),
    ("index node (opensearch[...])", r"opensearch|^elasticsearch"),
    ("bulk writer and index client", r"bulk|HttpClient|index-client"),
]
WORK = [
    ("MIME type detection (Tika detectors)", r"org\.apache\.tika\.(detect|mime)\."),
    ("PDF parsing (PDFBox)", r"org\.apache\.(pdfbox|fontbox)\.|tika\.parser\.pdf\."),
    ("Office/OOXML parsing (POI, XML)", r"org\.apache\.poi\.|tika\.parser\.microsoft\.|org\.apache\.xmlbeans\."),
    ("ZIP/archives (commons-compress)", r"org\.apache\.commons\.compress\.|java\.util\.zip\."),
    ("HTML parsing", r"tika\.parser\.html\.|org\.ccil\.cowan\.tagsoup\."),
    ("other Tika parsing", r"org\.apache\.tika\."),
    ("MIME parsing of the .eml (mime4j)", r"org\.apache\.james\.mime4j\."),
    ("hashing (SHA-256)", r"sun\.security\.provider\.(SHA|Digest)"),
    ("JSON building and parsing (Gson)", r"com\.google\.gson\."),
    ("Lucene (indexing, merging)", r"org\.apache\.lucene\."),
    ("index node (OpenSearch)", r"org\.opensearch\."),
    ("HTTP (JDK client, simulator server)", r"jdk\.internal\.net\.http\.|sun\.net\.httpserver\.|com\.sun\.net\.httpserver\."),
    ("connector (io.connectorkit)", r"io\.connectorkit\."),
]


def frame_name(f):
    m = f["method"]
    return m["type"]["name"].replace("/", ".") + "." + m["name"]


def main(path):
    events = json.load(open(path))["recording"]["events"]
    total = len(events)
    threads = collections.Counter()
    work = collections.Counter()
    self_time = collections.Counter()
    for e in events:
        v = e["values"]
        t = (v.get("sampledThread") or {}).get("javaName") or (v.get("sampledThread") or {}).get("osName") or ""
        threads[next((n for n, p in THREADS if re.search(p, t)), "other threads")] += 1
        frames = [frame_name(f) for f in (v.get("stackTrace") or {}).get("frames", [])]
        if frames:
            self_time[frames[0]] += 1
        kind = "other (JDK, GC-free code, unknown)"
        for name, pattern in WORK:
            if any(re.search(pattern, f) for f in frames):
                kind = name
                break
        work[kind] += 1
    print(f"{total} CPU samples")
    for title, counter in (("thread group", threads), ("kind of work (first match from the top of WORK)", work)):
        print(f"\n| {title} | samples | share |\n|---|---|---|")
        for k, n in counter.most_common():
            print(f"| {k} | {n} | {100.0 * n / total:.1f}% |")
    print("\n| top frames (self) | samples | share |\n|---|---|---|")
    for k, n in self_time.most_common(15):
        print(f"| `{k}` | {n} | {100.0 * n / total:.1f}% |")


if __name__ == "__main__":
    main(sys.argv[1])
