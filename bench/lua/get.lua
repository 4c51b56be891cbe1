local report = dofile(os.getenv("BENCH_LUA") .. "/report.lua")
done = report.done
if os.getenv("BENCH_DELAY_MS") then delay = report.delay end
