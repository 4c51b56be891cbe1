#!/usr/bin/env python3
"""Measures the Cabinet's pages at scale, one signed-in client on loopback (page latency, not throughput).

  cabinet-probe.py BASE_URL EMAIL PASSWORD SAMPLE.txt DB [REQUESTS]

Signs in through the form, warms each page up, then times REQUESTS (default 300) of each: the list's first page, a
page filtered by status and a date range, a metadata-filtered page (posted to /cabinet/sessions/search; the GET of
the list it redirects to is timed), the detail of a random sampled session, and the overview. Prints one line each:
  cabinet_list_first p50_ms=… p99_ms=… db=h2
and the first overview view after the start (its figures are built then) as cabinet_overview_first ms=….
"""
import datetime as dt
import http.client
import random
import re
import sys
import time
import urllib.parse

base, email, password, sample_path, db = sys.argv[1:6]
requests = int(sys.argv[6]) if len(sys.argv) > 6 else 300
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
cookies = {}
csrf = ""
rng = random.Random(7)


def send(method, path, form=None):
    global csrf
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
    body = None
    if form is not None:
        form = dict(form, _csrf=csrf)
        body = urllib.parse.urlencode(form)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    text = response.read().decode("utf-8", "replace")
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookies[name] = rest.split(";", 1)[0]
    found = re.search(r'name="_csrf" value="([^"]+)"', text)
    if found:
        csrf = found.group(1)
    return response.status, response.getheader("Location") or "", text


def timed(path):
    start = time.perf_counter()
    status, _, text = send("GET", path)
    elapsed = (time.perf_counter() - start) * 1000
    if status != 200:
        sys.exit(f"GET {path} answered {status}")
    return elapsed, text


send("GET", "/cabinet/login")
status, location, _ = send("POST", "/cabinet/login", {"username": email, "password": password})
if status != 302 or not location.endswith("/cabinet/"):
    sys.exit(f"sign-in failed: {status} {location}")

samples = [line.split() for line in open(sample_path) if line.strip()]
today = dt.date.today()
statuses = ["FINISHED", "FAILED", "EXPIRED", "APPROVED", "DECLINED", "CREATED", "IN_PROGRESS"]

first_overview, _ = timed("/cabinet/")


def first_page():
    return "/cabinet/sessions"


def filtered_page():
    start = today - dt.timedelta(days=rng.randrange(7, 85))
    return f"/cabinet/sessions?status={rng.choice(statuses)}&from={start}&to={start + dt.timedelta(days=6)}"


def metadata_page():
    send("GET", "/cabinet/sessions") if not csrf else None
    status, location, _ = send("POST", "/cabinet/sessions/search", {"metadata": rng.choice(samples)[1]})
    if status != 302 or "filter=" not in location:
        sys.exit(f"search answered {status} {location}")
    return urllib.parse.urlparse(location).path + "?" + urllib.parse.urlparse(location).query


def detail_page():
    return f"/cabinet/sessions/{rng.choice(samples)[0]}"


def overview_page():
    return "/cabinet/"


pages = [("cabinet_list_first", first_page), ("cabinet_list_filtered", filtered_page),
         ("cabinet_list_metadata", metadata_page), ("cabinet_detail", detail_page), ("cabinet_overview", overview_page)]
for name, make in pages:
    for _ in range(max(50, requests // 3)):  # warm-up: the JIT, the page caches
        timed(make())
    times = []
    matched = 0
    for _ in range(requests):
        elapsed, text = timed(make())
        times.append(elapsed)
        matched += "No session matches." not in text
    times.sort()
    p50, p99 = times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]
    print(f"{name} p50_ms={p50:.1f} p99_ms={p99:.1f} max_ms={times[-1]:.1f} requests={requests} non_empty={matched} db={db}", flush=True)
print(f"cabinet_overview_first ms={first_overview:.0f} db={db}")
