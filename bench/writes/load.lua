-- wrk script for bench/writes/run.sh: the same load against ZoneApi and against PowerDNS's HTTP API.
--
--   wrk -t2 -c8 -d10s -s load.lua URL -- MODE SERVER ARG TAG
--
-- MODE record: one new record per request (ARG is A or CNAME), each under a name no other request of the run uses,
--   so every request writes a row; ZoneApi: POST /v1/zones/{id}/records (201), PowerDNS: PATCH of the zone with one
--   rrset REPLACE (204), since PowerDNS has no per-record create. URL's path is the collection or the zone; BENCH_ZONE
--   names the zone.
-- MODE zone: one new zone per request; ZoneApi: POST /v1/zones (201), PowerDNS: POST …/zones (201), with the same two
--   name servers ZoneApi writes.
-- MODE get: GET of URL, expecting 200 (the list pages).
--
-- Keys come from the environment (BENCH_ZONEAPI_KEY, BENCH_PDNS_KEY), not from the command line, so that `ps` does
-- not show them. done() prints one RESULT line that run.sh parses; requests answered with any other status than the
-- expected one are counted apart (and the first such answer printed), never as throughput.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  mode, server, arg, tag = args[1], args[2], args[3], args[4]
  zone = os.getenv("BENCH_ZONE") or ""
  n, bad, first_bad = 0, 0, ""
  if server == "pdns" then
    wrk.headers["X-API-Key"] = os.getenv("BENCH_PDNS_KEY")
  else
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_ZONEAPI_KEY")
  end
  if mode == "get" then
    expected = 200
    return
  end
  wrk.headers["Content-Type"] = "application/json"
  if mode == "record" then
    wrk.method = server == "pdns" and "PATCH" or "POST"
    expected = server == "pdns" and 204 or 201
  else
    wrk.method = "POST"
    expected = 201
  end
end

-- A distinct name per request: the run's tag, the thread and a per-thread counter.
local function next_name()
  n = n + 1
  return string.format("%s-%d-%d", tag, tid, n)
end

local function record_body()
  local name = next_name()
  -- The same value for every CNAME, a changing address for A; both outside any zone of the run, so that neither
  -- server has a target to look up and ZoneApi answers without warnings.
  local content = arg == "CNAME" and "target.example.net." or string.format("192.0.2.%d", n % 254 + 1)
  if server == "pdns" then
    return string.format(
      '{"rrsets":[{"name":"%s.%s.","type":"%s","ttl":3600,"changetype":"REPLACE","records":[{"content":"%s","disabled":false}]}]}',
      name, zone, arg, content)
  end
  return string.format('{"name":"%s","type":"%s","content":"%s","ttl":3600}', name, arg, content)
end

local function zone_body()
  local name = next_name() .. ".example"
  if server == "pdns" then
    return string.format('{"name":"%s.","kind":"Native","nameservers":["ns1.zoneapi.test.","ns2.zoneapi.test."]}', name)
  end
  return string.format('{"name":"%s"}', name)
end

function request()
  if mode == "record" then
    return wrk.format(nil, nil, nil, record_body())
  elseif mode == "zone" then
    return wrk.format(nil, nil, nil, zone_body())
  end
  return wrk.format()
end

function response(status, headers, body)
  if status ~= expected then
    bad = bad + 1
    if first_bad == "" then
      first_bad = string.format("%d %s", status, string.sub(body or "", 1, 300))
    end
  end
end

function done(summary, latency, requests)
  local bad_total, first = 0, ""
  for _, thread in ipairs(threads) do
    bad_total = bad_total + (thread:get("bad") or 0)
    local f = thread:get("first_bad") or ""
    if first == "" then first = f end
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f bad=%d socket_errors=%d p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, bad_total, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
  if first ~= "" then
    io.write("FIRST_BAD " .. first:gsub("[\r\n]", " ") .. "\n")
  end
end
