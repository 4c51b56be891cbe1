#!/usr/bin/env python3
"""The hosted page's first screen in headless Chromium, driven through the system chromedriver's W3C WebDriver HTTP
API (Python's standard library only: no Selenium, no browser download).

    bench/ui-probe.py URL [RUNS]

Each run is a fresh browser (new profile, empty cache) opening URL, waiting for the page's 'kf-ready' mark (set when
flow.js shows its first screen), and reading the Performance API: bytes = transferSize of the document and of every
resource it loaded (HTML, CSS, JS, fonts, images; headers included), interactive = the 'kf-ready' mark in ms since
navigation start. Prints `ui_first_screen_kb=… ui_interactive_ms=…`: the largest first screen seen and the median
time to interactive over the runs.
"""
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
MEASURE = """
var done = arguments[arguments.length - 1];
(function wait(tries) {
  var ready = performance.getEntriesByName('kf-ready')[0];
  if (!ready && tries > 0) { return setTimeout(function () { wait(tries - 1); }, 20); }
  var nav = performance.getEntriesByType('navigation')[0];
  var entries = [nav].concat(performance.getEntriesByType('resource'));
  done({
    bytes: entries.reduce(function (sum, e) { return sum + (e.transferSize || e.encodedBodySize || 0); }, 0),
    interactive: ready ? ready.startTime : nav.domContentLoadedEventEnd,
    marked: !!ready,
    resources: entries.map(function (e) { return e.name.replace(location.origin, '') + ' ' + (e.transferSize || 0); })
  });
})(250);
"""


def call(base, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"{}").get("value")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(base, url):
    profile = tempfile.mkdtemp(prefix="kycflow-ui-probe")
    args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
            "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile,
            "--window-size=390,844"]
    session = call(base, "POST", "/session", {"capabilities": {"alwaysMatch": {
        "browserName": "chrome", "goog:chromeOptions": {"binary": CHROMIUM, "args": args}}}})["sessionId"]
    try:
        call(base, "POST", f"/session/{session}/timeouts", {"script": 30000})
        call(base, "POST", f"/session/{session}/url", {"url": url})
        return call(base, "POST", f"/session/{session}/execute/async", {"script": MEASURE, "args": []})
    finally:
        call(base, "DELETE", f"/session/{session}")
        shutil.rmtree(profile, ignore_errors=True)


def main():
    url = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    for tool in (CHROMIUM, CHROMEDRIVER):
        if not os.access(tool, os.X_OK):
            sys.exit(f"{tool} is missing: apt-get install -y chromium chromium-driver (or scripts/ui-test-deps)")
    port = free_port()
    driver = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                call(base, "GET", "/status")
                break
            except OSError:
                time.sleep(0.05)
        results = [run(base, url) for _ in range(runs)]
    finally:
        driver.terminate()
        driver.wait(10)
    if not all(r["marked"] for r in results):
        print("[ui-probe] the page never set its kf-ready mark: domContentLoadedEventEnd used", file=sys.stderr)
    for r in results:
        print(f"[ui-probe] {r['bytes'] / 1024:.1f} KB, interactive {r['interactive']:.0f} ms: " + ", ".join(r["resources"]),
              file=sys.stderr)
    kb = max(r["bytes"] for r in results) / 1024
    interactive = statistics.median(r["interactive"] for r in results)
    print(f"ui_first_screen_kb={kb:.1f} ui_interactive_ms={interactive:.0f}")


if __name__ == "__main__":
    main()
