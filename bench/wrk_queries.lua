-- wrk script for beslut_bench: cycles through a query file (one query per
-- line, "#" comments) as GET /api/v1/search?q=<url-encoded>&limit=10.
--   wrk -t2 -c32 -d15s --latency -s bench/wrk_queries.lua http://127.0.0.1:PORT/ -- bench/queries.txt
-- At the end it prints one machine-readable line, "WRK_RESULT key=value …".

local queries = {}
local counter = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local path = args[1] or "bench/queries.txt"
  for line in io.lines(path) do
    line = line:gsub("^%s+", ""):gsub("%s+$", "")
    if line ~= "" and line:sub(1, 1) ~= "#" then
      table.insert(queries, "/api/v1/search?q=" .. urlencode(line) .. "&limit=10")
    end
  end
  if #queries == 0 then error("no queries in " .. path) end
  -- Threads start at different places in the list.
  counter = math.floor((thread_id or 0) * #queries / 2)
end

function request()
  counter = counter + 1
  return wrk.format("GET", queries[(counter % #queries) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d status=%d timeout=%d " ..
    "mean_us=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
