-- wrk script for the Gatehouse device API (used by Gatehouse.LoadTest --driver wrk, which fills in the
-- constants below). The same mix as the C# driver: half the scans at entry gates (anti-passback), a third at
-- exits, the rest at single readers; 3% unknown cards; a unique request id per scan, prefixed by the run so
-- the warm-up's ids are not replayed by the measured run.
local devices = { DEVICES }
local entry_gates, exit_gates, readers = ENTRY_GATES, EXIT_GATES, READERS
local people, cards_per_person = PEOPLE, CARDS_PER_PERSON
local verb = "VERB"
local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

function init(args)
  run = args[1] or "run"
  math.randomseed(tid * 7919)
  n, granted, denied, errors = 0, 0, 0, 0
end

function request()
  n = n + 1
  local roll = math.random(0, 99)
  local d
  if roll < 50 then
    d = devices[math.random(1, entry_gates)]
  elseif roll < 85 then
    d = devices[entry_gates + math.random(1, exit_gates)]
  else
    d = devices[entry_gates + exit_gates + math.random(1, readers)]
  end
  local p = math.random(1, people)
  local credential
  if math.random(0, 99) < 3 then
    credential = "NOPE-" .. p
  else
    credential = "C" .. p .. "-" .. math.random(0, cards_per_person - 1)
  end
  local body = '{"requestId":"' .. run .. '-' .. tid .. '-' .. n .. '","credential":"' .. credential .. '"}'
  return wrk.format("POST", "/api/v1/devices/" .. d .. "/" .. verb,
    { ["Content-Type"] = "application/json", ["Authorization"] = "Device " .. d .. ":load-secret-" .. d }, body)
end

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  elseif body:find('"outcome":"Denied"', 1, true) then
    denied = denied + 1
  else
    granted = granted + 1
  end
end

function done(summary, latency, requests)
  local g, dn, e = 0, 0, 0
  for _, t in ipairs(threads) do
    g = g + t:get("granted")
    dn = dn + t:get("denied")
    e = e + t:get("errors")
  end
  local s = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d p50_us=%d p99_us=%d p999_us=%d granted=%d denied=%d errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency:percentile(99.9),
    g, dn, e, s.connect + s.read + s.write + s.timeout))
end
