-- wrk script (bench/two-nodes.sh): rotates over the paths in $PATHS (separated by spaces) with the session cookie
-- $SESSION; prints requests/s, p50/p95/p99 and errors (bench/p95.lua's summary). Run from the repository's root.
dofile("bench/p95.lua")
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "/", "%S+") do table.insert(paths, p) end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Cookie"] = "JSESSIONID=" .. (os.getenv("SESSION") or "") })
end
