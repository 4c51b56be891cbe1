-- JSON-RPC tools/call within an initialized MCP session (BENCH_SESSION), unique ids per request.
-- BENCH_BODY holds the params object; BENCH_AUTH an optional Authorization header value.
local report = dofile(os.getenv("BENCH_LUA") .. "/report.lua")
done = report.done
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local counter = 0
local params = os.getenv("BENCH_BODY")
local headers = {
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json, text/event-stream",
  ["Mcp-Session-Id"] = os.getenv("BENCH_SESSION"),
  ["MCP-Protocol-Version"] = "2025-11-25",
}
if os.getenv("BENCH_AUTH") then headers["Authorization"] = os.getenv("BENCH_AUTH") end
function request()
  counter = counter + 1
  local id = (tid or 0) * 1000000000 + counter
  return wrk.format("POST", nil, headers,
    '{"jsonrpc":"2.0","id":' .. id .. ',"method":"tools/call","params":' .. params .. '}')
end
