-- wrk script of bench/load.sh (issue 19): replays a mix of request types, each with the session of a
-- demo user, and reports requests/s, p50/p95/p99 and errors PER TYPE. One connection per wrk thread
-- (load.sh runs wrk -t N -c N), so each thread has at most one request in flight and times it itself.
-- args: plan file, mode (closed | think | edits), mean think time in ms, editors, result file.
-- Plan lines (tab-separated): read  TYPE  USER  PATH
--                             edit  USER  PATH  BODY  VERSION  (form body without version and note)
-- Sessions (file LOAD_SESSIONS, tab-separated): USER  SLOT  COOKIE  CSRF (URL-encoded). Thread i signs its
-- requests with the sessions of slot i mod (slots): its own sessions, as each officer has one.
-- A read succeeds with 200 only; an edit with 302 back to its survey page (the save's redirect), after
-- which this thread's version of that survey is one more. Anything else counts as an error of its type,
-- so a failing edit shows as an error, not as speed.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

-- the mix: relative weights of the read types (edits: "edit" below)
local WEIGHTS = { list = 25, household = 25, api = 10, search = 8, dashboard = 8, progress = 8, export = 3 }
local EDIT_WEIGHT = 13

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("index", #threads)
end

local reads, types, edits = {}, {}, {}
local mode, think, editors
local last_type, started, note_seq = nil, 0, 0
local version, last_note
local my_edit, edits_ok, log = nil, 0, nil
local sessions, slot = {}, 1

local function split(line)
  local out = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do table.insert(out, field) end
  return out
end

function init(args)
  local plan = args[1]
  mode = args[2] or "closed"
  think = tonumber(args[3] or "0")
  editors = tonumber(args[4] or "0")
  for line in io.lines(plan) do
    local f = split(line)
    if f[1] == "read" then
      reads[f[2]] = reads[f[2]] or {}
      table.insert(reads[f[2]], { user = f[3], path = f[4] })
    elseif f[1] == "edit" then
      table.insert(edits, { user = f[2], path = f[3], body = f[4], version = tonumber(f[5]) })
    end
  end
  local slots = 0
  for line in io.lines(os.getenv("LOAD_SESSIONS")) do
    local f = split(line)
    local s = tonumber(f[2])
    sessions[f[1]] = sessions[f[1]] or {}
    sessions[f[1]][s] = { cookie = f[3], csrf = f[4] }
    if s > slots then slots = s end
  end
  slot = ((index - 1) % slots) + 1
  for t, _ in pairs(WEIGHTS) do if reads[t] then table.insert(types, t) end end
  table.sort(types)
  -- each thread edits its own survey (no two threads on one version); threads beyond the
  -- surveys only read. In mode "edits" the first `editors` threads only edit, the others only read.
  local i = index
  if #edits > 0 and i <= #edits and (mode ~= "edits" or i <= editors) then
    local e = edits[i]
    local session = sessions[e.user][slot]
    -- the form's CSRF token is the session's: the body is sent with this thread's own
    my_edit = { user = e.user, path = e.path, version = e.version, cookie = session.cookie,
      body = e.body:gsub("_csrf=[^&]*", function() return "_csrf=" .. session.csrf end) }
    version = my_edit.version
    edits_ok = 0
  end
  math.randomseed(i * 7919 + os.time())
  -- each thread writes its requests to its own file, which done() reads: wrk cannot hand nested tables
  -- from a thread to done()
  log = io.open(string.format("%s.thread%d", os.getenv("LOAD_RESULT"), i), "w")
  log:setvbuf("line")
end

local function pick_read()
  local total = 0
  for _, t in ipairs(types) do total = total + WEIGHTS[t] end
  local r = math.random() * total
  for _, t in ipairs(types) do
    r = r - WEIGHTS[t]
    if r < 0 then return t end
  end
  return types[#types]
end

local function pick_type()
  if mode == "edits" then
    -- editors only edit, readers only read
    if my_edit then return "edit" end
    return pick_read()
  end
  local total = my_edit and EDIT_WEIGHT or 0
  for _, t in ipairs(types) do total = total + WEIGHTS[t] end
  local r = math.random() * total
  if my_edit then
    if r < EDIT_WEIGHT then return "edit" end
    r = r - EDIT_WEIGHT
  end
  for _, t in ipairs(types) do
    r = r - WEIGHTS[t]
    if r < 0 then return t end
  end
  return types[#types]
end

function request()
  local t = pick_type()
  last_type = t
  local req
  if t == "edit" then
    note_seq = note_seq + 1
    last_note = string.format("bench-%d-%d", index, note_seq)
    req = wrk.format("POST", my_edit.path, {
      ["Cookie"] = my_edit.cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["Accept"] = "text/html",
    }, my_edit.body .. "&version=" .. version .. "&note=" .. last_note)
  else
    local list = reads[t]
    local target = list[math.random(#list)]
    req = wrk.format("GET", target.path, { ["Cookie"] = sessions[target.user][slot].cookie, ["Accept"] = "text/html,application/json" })
  end
  started = now_us()
  return req
end

local function record(t, us, ok, status)
  log:write(string.format("R\t%s\t%d\t%d\t%d\n", t, us, ok and 1 or 0, status))
end

function response(status, headers, body)
  local us = now_us() - started
  local ok
  if last_type == "edit" then
    local location = headers["Location"] or headers["location"] or ""
    ok = status == 302 and location:find("/survey", 1, true) ~= nil
    if ok then
      version = version + 1
      edits_ok = edits_ok + 1
      log:write(string.format("E\t%s\t%s\t%d\t%d\t%s\n", my_edit.user, my_edit.path, my_edit.version,
        edits_ok, last_note))
    end
  else
    ok = status == 200
  end
  record(last_type, us, ok, status)
end

function delay()
  if think > 0 then
    -- exponentially distributed think time with the given mean (users, not a closed loop)
    return -think * math.log(1 - math.random())
  end
  return 0
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  local i = math.max(1, math.ceil(#sorted * p / 100))
  return sorted[i]
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local merged, all = {}, {}
  local base = os.getenv("LOAD_RESULT")
  local out = io.open(base, "w")
  for i = 1, #threads do
    local last_edit = nil
    local f = io.open(string.format("%s.thread%d", base, i), "r")
    for line in (f and f:lines() or function() return nil end) do
      local kind, a, b, c, d, e = line:match("^(%a)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
      if kind == "R" then
        local m = merged[a] or { lat = {}, errors = 0, busy = 0, codes = {} }
        merged[a] = m
        local us = tonumber(b)
        table.insert(m.lat, us)
        table.insert(all, us)
        if c ~= "1" then
          m.errors = m.errors + 1
          if d == "503" then m.busy = m.busy + 1 end
          m.codes[d] = (m.codes[d] or 0) + 1
        end
      elseif kind == "E" then
        last_edit = line:sub(3)
      end
    end
    if f then f:close() end
    os.remove(string.format("%s.thread%d", base, i))
    if last_edit and out then out:write(last_edit, "\n") end
  end
  if out then out:close() end
  local names = {}
  for t, _ in pairs(merged) do table.insert(names, t) end
  table.sort(names)
  io.write(string.format("%-10s %7s %8s %9s %9s %9s %7s %s\n", "type", "n", "req/s", "p50 ms", "p95 ms",
    "p99 ms", "errors", "(of which 503 busy; codes)"))
  local errors = 0
  for _, t in ipairs(names) do
    local m = merged[t]
    table.sort(m.lat)
    errors = errors + m.errors
    local codes = {}
    for c, n in pairs(m.codes) do table.insert(codes, c .. "×" .. n) end
    io.write(string.format("%-10s %7d %8.1f %9.1f %9.1f %9.1f %7d %s\n", t, #m.lat, #m.lat / seconds,
      percentile(m.lat, 50) / 1000, percentile(m.lat, 95) / 1000, percentile(m.lat, 99) / 1000, m.errors,
      (m.errors > 0) and ("(" .. m.busy .. " busy; " .. table.concat(codes, " ") .. ")") or ""))
  end
  table.sort(all)
  io.write(string.format("%-10s %7d %8.1f %9.1f %9.1f %9.1f %7d %s\n", "ALL", #all, #all / seconds,
    percentile(all, 50) / 1000, percentile(all, 95) / 1000, percentile(all, 99) / 1000, errors,
    string.format("socket errors: connect %d read %d write %d timeout %d", summary.errors.connect,
      summary.errors.read, summary.errors.write, summary.errors.timeout)))
end
