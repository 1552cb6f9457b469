#!/usr/bin/env python3
"""Load driver and checker for scripts/multi-node.sh (standard library only).

Every agreement runs a couple's story with each command sent to a command node picked at random and reads sent
to the query nodes with minVersion (read-your-writes across nodes). Half-way, one query node is killed with
SIGKILL. At the end, for every agreement in the event store, the read models must hold exactly what the stored
events imply: state version == max(sequence_number), timeline event count == stored events, the projections'
progress == max(sequence_number), no dead letters.
"""
import argparse
import base64
import concurrent.futures
import hashlib
import hmac
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

PROJECTIONS = ("agreement-state", "agreement-timeline", "boundary-history")


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(secret, sub, roles=()):
    header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"sub": sub, "roles": list(roles), "exp": int(time.time()) + 3600}).encode())
    signature = hmac.new(secret.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{b64(signature)}"


class Cluster:
    def __init__(self, args):
        self.args = args
        self.commands = list(args.command)
        self.queries = list(args.query)
        self.dead = set()
        self.lock = threading.Lock()
        self.stats = Counter()
        self.first_lag = None
        self.killed = None
        self.last_lag = None

    def http(self, method, url, tok, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method=method)
        request.add_header("Authorization", "Bearer " + tok)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode()
                return response.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as error:
            text = error.read().decode()
            try:
                return error.code, json.loads(text)
            except ValueError:
                return error.code, text

    def count(self, key):
        with self.lock:
            self.stats[key] += 1

    def command(self, tok, path, body=None, expect=(200, 201)):
        base = random.choice(self.commands)
        status, answer = self.http("POST", base + path, tok, {} if body is None else body)
        self.count(f"command {status}")
        if status not in expect:
            raise AssertionError(f"POST {path} on {base}: {status} {answer}")
        return answer

    def query(self, tok, path, min_version):
        """GET on a live query node with minVersion; another node when one is down, again after a 503."""
        deadline = time.time() + 60
        sep = "&" if "?" in path else "?"
        while True:
            with self.lock:
                live = [q for q in self.queries if q not in self.dead]
            base = random.choice(live)
            try:
                status, answer = self.http("GET", f"{base}{path}{sep}minVersion={min_version}", tok)
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
                self.count("query connection refused (node down), retried elsewhere")
                with self.lock:
                    if base == self.killed:
                        self.dead.add(base)
                if time.time() > deadline:
                    raise AssertionError(f"GET {path}: {error}")
                continue
            self.count(f"query {status}")
            if status == 200:
                return answer
            if status in (503, 404) and time.time() < deadline:
                # 503: not caught up within minVersion's 5 s; 404: not in the read model at all yet (the read
                # side answers 404 before it knows the caller may see the agreement). Both happen while the
                # segments of a killed node are still claimed by it.
                with self.lock:
                    self.first_lag = self.first_lag or time.time()
                    self.last_lag = time.time()
                time.sleep(0.2)
                continue
            raise AssertionError(f"GET {path} on {base}: {status} {answer}")


def story(cluster, secret, n):
    """One couple's agreement, commands spread over both command nodes, reads over the query nodes."""
    alice, bob = f"mn-alice-{n}", f"mn-bob-{n}"
    a, b = token(secret, alice), token(secret, bob)
    drafted = cluster.command(a, "/api/agreements", {"title": f"Agreement {n}"})
    agreement = drafted["agreementId"]
    p = f"/api/agreements/{agreement}"
    cluster.command(a, p + "/invitations", {"partnerId": bob})
    joined = cluster.command(b, p + "/join")
    state = cluster.query(b, p, joined["version"])
    assert state["status"] == "ACTIVE", state
    boundary = cluster.command(a, p + "/boundaries", {
        "category": "ONLINE_ENGAGEMENT", "statement": f"No private messages with exes ({n})",
        "measure": "Either of us may ask to see the chat list", "consequence": "We talk it through the same day",
        "reviewEvery": "P30D"})["boundaryId"]
    cluster.command(b, p + f"/boundaries/{boundary}/acceptances", {"boundaryVersion": 1})
    # both partners at once, through both command nodes: concurrent appends to one agreement
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        flags = list(pool.map(lambda caller: cluster.command(caller, p + "/red-flags", {"indicator": "STRESS"}),
                              [a, b, a, b]))
    last = max(f["version"] for f in flags)
    state = cluster.query(a, p, last)
    assert len(state["redFlags"]) == 4, state
    cluster.command(b, p + f"/red-flags/{flags[0]['flagId']}/addressing", {"note": "we talked"})
    withdrawn = cluster.command(a, p + f"/boundaries/{boundary}/consent-withdrawals", {"reason": "too soon"})
    state = cluster.query(b, p, withdrawn["version"])
    assert state["boundaries"][0]["status"] == "SUSPENDED", state
    history = cluster.query(a, p + f"/boundaries/{boundary}/history", withdrawn["version"])
    assert len(history["versions"]) == 1, history
    return agreement


def stored_events(psql):
    out = subprocess.run(psql.split() + ["-At", "-F", " ", "-c",
                                         "SELECT aggregate_identifier, max(sequence_number), count(*) "
                                         "FROM domain_event_entry GROUP BY aggregate_identifier"],
                         check=True, capture_output=True, text=True).stdout
    return {agg: (int(mx), int(cnt)) for agg, mx, cnt in (line.split() for line in out.splitlines() if line)}


def sql_rows(psql, sql):
    out = subprocess.run(psql.split() + ["-At", "-F", " ", "-c", sql], check=True, capture_output=True,
                         text=True).stdout
    return [line.split() for line in out.splitlines() if line]


def busiest_query_node(args):
    """The query node whose event processors hold the most segments (token owner is Axon's "pid@host")."""
    claims = {pid: 0 for pid in args.query_pid}
    for owner, segments in sql_rows(args.psql, "SELECT owner, count(*) FROM token_entry WHERE owner IS NOT NULL "
                                               "GROUP BY owner"):
        pid = int(owner.split("@")[0])
        if pid in claims:
            claims[pid] = int(segments)
    pid = max(args.query_pid, key=lambda p: claims[p])
    return args.query[args.query_pid.index(pid)], pid, {f"pid {p}": c for p, c in claims.items()}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--secret", required=True)
    parser.add_argument("--command", action="append", required=True)
    parser.add_argument("--query", action="append", required=True)
    parser.add_argument("--agreements", type=int, default=60)
    parser.add_argument("--workers", type=int, default=6)
    parser.add_argument("--query-pid", type=int, action="append", required=True,
                        help="the pid of each --query node, in the same order")
    parser.add_argument("--psql", required=True)
    args = parser.parse_args()
    cluster = Cluster(args)
    secret = args.secret
    failures = []

    # the other side's endpoints are not there
    probe = token(secret, "mn-probe")
    status, _ = cluster.http("POST", args.query[0] + "/api/agreements", probe, {"title": "t"})
    if status != 404:
        failures.append(f"POST /api/agreements on a query node answered {status}, not 404")
    status, _ = cluster.http("GET", args.command[0] + "/api/agreements", probe)
    if status != 404:
        failures.append(f"GET /api/agreements on a command node answered {status}, not 404")

    started = time.time()
    agreements, killed_at = [], None
    with concurrent.futures.ThreadPoolExecutor(args.workers) as pool:
        futures = [pool.submit(story, cluster, secret, n) for n in range(args.agreements)]
        for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
            try:
                agreements.append(future.result())
            except Exception as error:  # noqa: BLE001 - every failed story is reported
                failures.append(f"story failed: {error}")
            if killed_at is None and done >= args.agreements // 2:
                url, pid, claims = busiest_query_node(args)
                cluster.killed = url
                os.kill(pid, signal.SIGKILL)
                killed_at = time.time() - started
                print(f"  segments claimed per query node before the kill: {claims}")
                print(f"  killed query node {url} (pid {pid}, the one holding the most segments) with SIGKILL "
                      f"after {done} agreements, {killed_at:.1f} s into the load", flush=True)
    elapsed = time.time() - started
    commands = sum(v for k, v in cluster.stats.items() if k.startswith("command"))
    print(f"  load: {len(agreements)}/{args.agreements} agreements, {commands} commands in {elapsed:.1f} s "
          f"({commands / elapsed:.0f} commands/s through 2 command nodes)")
    for key, value in sorted(cluster.stats.items()):
        print(f"    {key}: {value}")
    if cluster.first_lag:
        print(f"    reads waited for the read model (404/503, retried) from {cluster.first_lag - started:.1f} s "
              f"to {cluster.last_lag - started:.1f} s into the load")

    # every agreement in the event store, read back through the surviving query node
    survivor = [q for q in args.query if q != cluster.killed][0]
    cluster.queries = [survivor]
    stored = stored_events(args.psql)
    checked = 0
    auditor_mismatch = 0
    for agreement in agreements:
        if agreement not in stored:
            failures.append(f"{agreement}: acknowledged but not in the event store")
    owners = {}
    for n in range(args.agreements):
        owners[n] = token(secret, f"mn-alice-{n}")
    for agreement, (max_seq, count) in sorted(stored.items()):
        p = f"/api/agreements/{agreement}"
        state = None
        for tok in owners.values():
            status, answer = cluster.http("GET", f"{survivor}{p}?minVersion={max_seq}", tok)
            if status == 200:
                state = answer
                tok_found = tok
                break
        if state is None:
            failures.append(f"{agreement}: no partner can read its state at version {max_seq}")
            continue
        if state["version"] != max_seq:
            failures.append(f"{agreement}: state version {state['version']} != max(sequence_number) {max_seq}")
        events, after = [], None
        while True:
            suffix = f"/timeline?limit=500&minVersion={max_seq}" + ("" if after is None else f"&after={after}")
            status, page = cluster.http("GET", survivor + p + suffix, tok_found)
            if status != 200:
                failures.append(f"{agreement}: timeline answered {status}")
                break
            events += page["events"]
            after = page.get("nextAfter")
            if after is None:
                break
        sequences = [e["sequence"] for e in events]
        if len(events) != count or sequences != list(range(count)):
            failures.append(f"{agreement}: timeline has {len(events)} events {sequences[:5]}.., store has {count}")
        checked += 1

    progress = {}
    for projection, agreement, last in sql_rows(args.psql, "SELECT projection, agreement_id, last_sequence "
                                                           "FROM projection_progress"):
        progress[(projection, agreement)] = int(last)
    for agreement, (max_seq, _) in stored.items():
        for projection in PROJECTIONS:
            if progress.get((projection, agreement)) != max_seq:
                failures.append(f"{agreement}: {projection} applied up to {progress.get((projection, agreement))}, "
                                f"store ends at {max_seq}")
    dead_letters = int(sql_rows(args.psql, "SELECT count(*) FROM dead_letter_entry")[0][0])
    if dead_letters:
        failures.append(f"{dead_letters} dead letters")
    owners_now = sql_rows(args.psql, "SELECT processor_name, count(*), count(DISTINCT owner) FROM token_entry "
                                     "WHERE owner IS NOT NULL GROUP BY processor_name ORDER BY 1")
    total_events = sum(c for _, c in stored.values())
    print(f"  checked {checked} agreements, {total_events} stored events: state version, timeline (count and "
          f"order), projection progress of {', '.join(PROJECTIONS)}; dead letters: {dead_letters}")
    for name, segments, nodes in owners_now:
        print(f"    {name}: {segments} segments claimed by {nodes} node(s)")
    if failures:
        print(f"FAIL: {len(failures)} problem(s)")
        for failure in failures[:40]:
            print("  - " + failure)
        return 1
    print(f"PASS: {len(agreements)} agreements over 2 command + 2 query nodes, one query node SIGKILLed mid-way; "
          f"every read model matches the event store")
    return 0


if __name__ == "__main__":
    sys.exit(main())
