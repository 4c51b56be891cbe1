-- POST a fixed JSON body (BENCH_BODY).
local report = dofile(os.getenv("BENCH_LUA") .. "/report.lua")
done = report.done
if os.getenv("BENCH_DELAY_MS") then delay = report.delay end
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
