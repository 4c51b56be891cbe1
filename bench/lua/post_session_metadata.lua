-- POST a session create whose metadata names one of a million user ids at random (BENCH_API_KEY): the Cabinet's
-- metadata side table (V27) then takes inserts spread over its key, as a real customer base gives it.
local report = dofile(os.getenv("BENCH_LUA") .. "/report.lua")
done = report.done
if os.getenv("BENCH_DELAY_MS") then delay = report.delay end
local key = os.getenv("BENCH_API_KEY")
local headers = { ["Content-Type"] = "application/json" }

function setup(thread)
  thread:set("seed", math.random(1, 1000000000))
end

function init()
  math.randomseed(seed or os.time())
end

function request()
  local body = string.format('{"api_key":"%s","metadata":{"user_id":"u-%d","channel":"web"}}', key, math.random(1, 1000000))
  return wrk.format("POST", nil, headers, body)
end
