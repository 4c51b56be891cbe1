-- Shared by every benchmark script: one machine-readable line per run.
local report = {}

function report.done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d errors=%d non2xx=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, errors, summary.errors.status))
end

-- Optional pacing for fixed-load runs: BENCH_DELAY_MS between requests on each connection.
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "")
function report.delay()
  return pause
end

return report
