#!/usr/bin/env python3
"""Writes the Cabinet benchmark's sessions as CSV (flow_session's columns, header first), in id order.

  cabinet-seed.py OUT.csv SAMPLE.txt ORG_ID FLOW_ID[,FLOW_ID...] [SESSIONS] [OTHER_SESSIONS]

SESSIONS (default 1,000,000) for ORG_ID over the given flows, spread evenly over the last 90 days, plus OTHER_SESSIONS
(default 20,000) for another organization. Statuses as a live organization has them: the last hour's sessions are
mostly open, older ones finished, failed, expired or decided; steps agree with the status. Metadata holds a user id
(200,000 users, so ~5 sessions each) and a channel. SAMPLE.txt gets session ids and user ids to probe with.
"""
import csv
import datetime as dt
import json
import random
import sys
import uuid

out, sample_path, org, flows = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(",")
count = int(sys.argv[5]) if len(sys.argv) > 5 else 1_000_000
other_count = int(sys.argv[6]) if len(sys.argv) > 6 else 20_000
rng = random.Random(19)
now_ms = int(dt.datetime.now(dt.timezone.utc).timestamp() * 1000)
span_ms = 90 * 24 * 3600 * 1000
other_org, other_flow = str(uuid.UUID(int=rng.getrandbits(128), version=4)), str(uuid.UUID(int=rng.getrandbits(128), version=4))

CLOSED = [("FINISHED", 55), ("FAILED", 15), ("EXPIRED", 12), ("APPROVED", 10), ("DECLINED", 3), ("IN_PROGRESS", 1), ("CREATED", 4)]
OPEN = [("CREATED", 60), ("IN_PROGRESS", 25), ("FINISHED", 10), ("FAILED", 5)]
def pick(table):
    r = rng.uniform(0, sum(w for _, w in table))
    for name, w in table:
        r -= w
        if r <= 0:
            return name
    return table[-1][0]

def uuid7(ms):
    rand_a, rand_b = rng.getrandbits(12), rng.getrandbits(62)
    value = (ms << 80) | (0x7 << 76) | (rand_a << 64) | (0b10 << 62) | rand_b
    return str(uuid.UUID(int=value))

def ts(ms):
    return dt.datetime.fromtimestamp(ms / 1000, dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")[:-3] + "+00"

def step(status, attempts, started, finished):
    s = {"technology": "LD", "status": status, "attempts": attempts, "max_attempts": 3}
    if started:
        s["started_at"] = dt.datetime.fromtimestamp(started / 1000, dt.timezone.utc).isoformat().replace("+00:00", "Z")
    if finished:
        s["finished_at"] = dt.datetime.fromtimestamp(finished / 1000, dt.timezone.utc).isoformat().replace("+00:00", "Z")
    return json.dumps([s], separators=(",", ":"))

def row(org_id, flow_id, created, user):
    open_age = now_ms - created < 3600 * 1000
    status = pick(OPEN if open_age else CLOSED)
    started = finished = None
    overall = ""
    if status == "CREATED":
        steps = step("PENDING", 0, None, None)
    elif status == "IN_PROGRESS":
        started = created + rng.randint(5_000, 60_000)
        steps = step("IN_PROGRESS", 1, started, None)
    elif status == "EXPIRED":
        finished = created + 3600 * 1000
        steps = step("PENDING", 0, None, None)
        overall = "FALSE"
    else:
        started = created + rng.randint(5_000, 60_000)
        finished = started + int(rng.lognormvariate(11, 0.8))  # ~1 min median
        passed = status in ("FINISHED", "APPROVED") or (status == "DECLINED" and rng.random() < 0.5)
        steps = step("PASSED" if passed else "FAILED", 1 if passed else 3, started, finished)
        overall = "TRUE" if passed else "FALSE"
    finished = min(finished, now_ms) if finished else None
    meta = json.dumps({"user_id": user, "channel": rng.choice(["web", "app", "branch"])}, separators=(",", ":"))
    expires = created + (7 * 24 if open_age else 1) * 3600 * 1000
    return [uuid7(created), flow_id, org_id, status, "FALSE", overall, meta, steps, ts(created),
            ts(started) if started else "", ts(finished) if finished else "", ts(expires), ts(finished or created), "FALSE"]

rows = []
for _ in range(count):
    rows.append((now_ms - rng.randrange(span_ms), org, rng.choice(flows), f"u-{rng.randrange(200_000)}"))
for _ in range(other_count):
    rows.append((now_ms - rng.randrange(span_ms), other_org, other_flow, f"u-{rng.randrange(200_000)}"))
rows.sort()
sample_ids, sample_users = [], []
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["ID", "FLOW_ID", "ORGANIZATION_ID", "STATUS", "SANDBOX", "OVERALL_RESULT", "METADATA", "STEPS", "CREATED_AT",
                "STARTED_AT", "FINISHED_AT", "EXPIRES_AT", "UPDATED_AT", "USER_DECLINED"])
    for created, org_id, flow_id, user in rows:
        r = row(org_id, flow_id, created, user)
        w.writerow(r)
        if org_id == org and rng.random() < 0.002:
            sample_ids.append(r[0])
            sample_users.append(user)
with open(sample_path, "w") as f:
    for i, u in zip(sample_ids, sample_users):
        f.write(f"{i} {u}\n")
print(f"{count + other_count} sessions, {len(sample_ids)} sampled", file=sys.stderr)
