-- wrk script for the Gatehouse device API (used by Gatehouse.LoadTest --driver wrk, which fills in the
-- constants below). The same mix as the C# driver (VisitMix.cs): members come and go. Each scan is of a member
-- not scanned in the last `rescan` seconds if one is found in 20 draws (the gates' double-scan lock plus a second); a
-- member inside leaves by an exit gate, one outside comes in by an entry gate, 5% of gate scans at the wrong one; 15%
-- at single readers (which toggle presence); 3% unknown cards; 2% repeat the thread's last scan (a double tap). Who
-- is inside is learnt from the answers (the request id ends with the member, the actions say whether presence was
-- added or removed). Each wrk thread owns the members p with p % threads == its number - 1. Who is inside and when
-- each member was last scanned are written to STATE at the end of a run and read at the start of the next, so the
-- measured run carries on from the warm-up. A unique request id per scan, prefixed by the run so the warm-up's ids
-- are not replayed.
local devices = { DEVICES }
local entry_gates, exit_gates, readers = ENTRY_GATES, EXIT_GATES, READERS
local people, cards_per_person = PEOPLE, CARDS_PER_PERSON
local verb = "VERB"
local rate = RATE
local state_path = "STATE"
local rescan = RESCAN
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

-- Each device's request line and headers, built once: per request only the body and its length are new, so the
-- generator takes less of the two cores from the server.
local heads = {}

-- wrk's own percentiles are corrected for coordinated omission (it adds the requests a fixed-rate client would
-- have sent while one waited), so a stall of every connection at once weighs on them many times over. The answers
-- as they were, each timed from its request to its answer, are printed beside them.
local ffi = require("ffi")
ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } gatehouse_timespec; int clock_gettime(int clock, gatehouse_timespec *now); ]]
local clock = ffi.new("gatehouse_timespec")
local function now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + math.floor(tonumber(clock.tv_nsec) / 1000)
end
local sent = {}

-- Fixed rate (--rate): an open loop, as a site's devices are: each thread sends its share of the rate on a fixed
-- schedule whatever the answers do, and every answer is timed from the moment its request was due, so a stall
-- counts for every request that fell due during it (no coordinated omission), however many connections were free.
-- wrk asks delay() before each request on a connection; each call claims the thread's next slot and waits for it.
-- A request sent late (every connection busy, or the generator behind) is timed from its slot; one sent early by
-- the millisecond rounding of delay() from its sending.
local due, due_first, due_last = {}, 1, 0
local slot, start_us = 0, nil
if rate > 0 then
  function delay()
    local now = now_us()
    start_us = start_us or now
    slot = slot + 1
    local at = start_us + math.floor(slot * 1000000 * nthreads / rate)
    due_last = due_last + 1
    due[due_last] = at
    return at > now and math.floor((at - now) / 1000) or 0
  end
end

function init(args)
  for _, d in ipairs(devices) do
    local h = wrk.format("POST", "/api/v1/devices/" .. d .. "/" .. verb,
      { ["Content-Type"] = "application/json", ["Authorization"] = "Device " .. d .. ":load-secret-" .. d })
    heads[d] = h:sub(1, #h - 2) .. "Content-Length: "
  end
  run = args[1] or "run"
  math.randomseed(tid * 7919 + #run)
  n, granted, denied, errors, late = 0, 0, 0, 0, 0
  nthreads = #args >= 2 and tonumber(args[2]) or 1
  inside, last, reasons, latencies, lags = {}, {}, {}, {}, {}
  local f = io.open(state_path, "r")
  if f then
    for line in f:lines() do
      local p, i, t = line:match("^(%d+) (%d) (%d+)$")
      p = tonumber(p)
      if p and (p - 1) % nthreads == tid - 1 then
        if i == "1" then inside[p] = true end
        last[p] = tonumber(t)
      end
    end
    f:close()
  end
end

local function member(now)
  local slots = math.floor(people / nthreads)
  local p
  for _ = 1, 20 do
    p = math.random(0, slots - 1) * nthreads + tid
    if not last[p] or now - last[p] >= rescan then break end
  end
  last[p] = now
  return p
end

local prev_p, prev_credential, prev_d

function request()
  n = n + 1
  local p, credential, d
  if prev_p and math.random(0, 99) < 2 then
    p, credential, d = prev_p, prev_credential, prev_d
  else
    p = member(os.time())
    if math.random(0, 99) < 3 then
      credential = "NOPE-" .. p
    else
      credential = "C" .. p .. "-" .. math.random(0, cards_per_person - 1)
    end
    if math.random(0, 99) < 15 then
      d = devices[entry_gates + exit_gates + math.random(1, readers)]
    elseif (inside[p] == true) ~= (math.random(0, 99) < 5) then
      d = devices[entry_gates + math.random(1, exit_gates)]
    else
      d = devices[math.random(1, entry_gates)]
    end
    prev_p, prev_credential, prev_d = p, credential, d
  end
  local now = now_us()
  sent[n] = now
  if rate > 0 and due_first <= due_last then
    local at = due[due_first]
    due[due_first] = nil
    due_first = due_first + 1
    if at < now then
      sent[n] = at
      if now - at > 1000 then late = late + 1 end
      lags[#lags + 1] = now - at
    end
  end
  local body = '{"requestId":"' .. run .. '-' .. tid .. '-' .. n .. '-' .. p .. '","credential":"' .. credential .. '"}'
  return heads[d] .. #body .. "\r\n\r\n" .. body
end

-- Every answer is parsed here on the generator's side of the two cores, so each field is looked for only where
-- the server writes it: the outcome opens the answer (properties in declaration order), the request id closes it,
-- and one search finds the presence action. A full-body pattern per field cost the generator about a third of
-- its CPU (LuaJIT runs string patterns in its interpreter, one attempt per position).
local denied_head = '{"outcome":"Denied"'

function response(status, headers, body)
  local k, p = body:sub(-64):match('%-(%d+)%-(%d+)"}$')
  k = tonumber(k)
  if k and sent[k] then
    latencies[#latencies + 1] = now_us() - sent[k]
    sent[k] = nil
  end
  if status ~= 200 then
    errors = errors + 1
    return
  end
  if body:sub(1, #denied_head) == denied_head then
    -- A denial adds or removes no presence.
    denied = denied + 1
    local code = body:match('"code":"(%w+)"') or "none"
    reasons[code] = (reasons[code] or 0) + 1
    return
  end
  if body:sub(1, 11) ~= '{"outcome":' then
    -- Not the shape this parser expects: count it as an error rather than guess.
    errors = errors + 1
    return
  end
  granted = granted + 1
  local at = body:find('Presence"', 1, true)
  p = tonumber(p)
  if at and p then
    local verb = body:sub(at - 6, at - 1)
    if verb == "Remove" then
      inside[p] = nil
    elseif verb:sub(4) == "Add" then
      inside[p] = true
    end
  end
end

function done(summary, latency, requests)
  local g, dn, e, lt = 0, 0, 0, 0
  local by_reason = {}
  local all, lag = {}, {}
  local f = io.open(state_path, "w")
  for _, t in ipairs(threads) do
    g = g + t:get("granted")
    dn = dn + t:get("denied")
    e = e + t:get("errors")
    lt = lt + t:get("late")
    for code, k in pairs(t:get("reasons")) do
      by_reason[code] = (by_reason[code] or 0) + k
    end
    for _, us in ipairs(t:get("latencies")) do all[#all + 1] = us end
    for _, us in ipairs(t:get("lags")) do lag[#lag + 1] = us end
    local ins = t:get("inside")
    for p, at in pairs(t:get("last")) do
      f:write(p, " ", ins[p] and 1 or 0, " ", at, "\n")
    end
  end
  f:close()
  for code, k in pairs(by_reason) do
    io.write(string.format("WRK_DENIED %s=%d\n", code, k))
  end
  table.sort(all)
  local function raw(p) return #all == 0 and 0 or all[math.min(#all, math.floor(p * #all) + 1)] end
  io.write(string.format("WRK_RAW p50_us=%d p99_us=%d p999_us=%d late=%d\n", raw(0.50), raw(0.99), raw(0.999), lt))
  -- How far behind its schedule the generator sent (fixed rate only): its own share of the answer times.
  table.sort(lag)
  local n_all = #all
  local function lagged(p) return n_all == 0 and 0 or (lag[math.floor(p * n_all) - (n_all - #lag) + 1] or 0) end
  io.write(string.format("WRK_LAG p50_us=%d p99_us=%d p999_us=%d\n", lagged(0.50), lagged(0.99), lagged(0.999)))
  local s = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d p50_us=%d p99_us=%d p999_us=%d granted=%d denied=%d errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency:percentile(99.9),
    g, dn, e, s.connect + s.read + s.write + s.timeout))
end
