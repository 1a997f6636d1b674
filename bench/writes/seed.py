"""Load the large zone of bench/writes/run.sh into one server, timed; prints key=value lines for run.sh.

    python3 seed.py zoneapi BASE ZONE_ID DATADIR     # key in BENCH_ZONEAPI_KEY
    python3 seed.py pdns BASE ZONE DATADIR           # key in BENCH_PDNS_KEY; creates the zone, then one PATCH

ZoneApi's import and batch routes (CONTRACT A8) may not exist in the build measured. The zone is loaded through the
first path that works: POST …/import?mode=replace with the master file; else POST …/records/batch, 1000 creates a
request, one request after another; else one POST …/records per record, 8 at a time. `seed_path` says which;
`import_*` says what the import answered, so that the report prints n/a rather than a number it did not measure.
"""

import concurrent.futures
import json
import os
import sys
import threading
import time

import http_client


def log(message):
    print(f"{time.strftime('%H:%M:%S', time.gmtime())} seed: {message}", file=sys.stderr, flush=True)


def missing_route(status, body):
    """
    The app's answer for a route it does not have (A2): 404 NOT_FOUND, or 405 METHOD_NOT_ALLOWED where the path matches
    another route's template (…/records/batch is …/records/{record_id}, which takes no POST). ZONE_NOT_FOUND or
    RECORD_NOT_FOUND would be real failures.
    """
    return (status, http_client.error_code(body)) in ((404, "NOT_FOUND"), (405, "METHOD_NOT_ALLOWED"))


def seed_zoneapi(base, zone_id, datadir):
    key = os.environ["BENCH_ZONEAPI_KEY"]
    client = http_client.zoneapi(base, key)
    records = f"/v1/zones/{zone_id}/records"
    started = time.perf_counter()

    with open(os.path.join(datadir, "zone.txt"), "rb") as f:
        zone_file = f.read()
    status, body, seconds = client.request("POST", f"/v1/zones/{zone_id}/import?mode=replace", zone_file, "text/dns")
    if status == 200:
        print(f"seed_path=import\nimport_status=200\nimport_seconds={seconds:.3f}\nseed_seconds={seconds:.3f}")
        return
    print("import_status=" + ("missing" if missing_route(status, body) else str(status)))
    log(f"import: {status} {body[:300]!r}; loading through batch instead")

    path = "batch"
    with open(os.path.join(datadir, "batches.jsonl"), "rb") as f:
        for number, line in enumerate(f):
            status, body, _ = client.request("POST", records + "/batch", line)
            if status == 200:
                continue
            if number > 0 or not missing_route(status, body):
                log(f"batch {number}: {status} {body[:300]!r}")
            path = "single POSTs at c=8"
            break
    if path == "batch":
        print(f"seed_path=batch\nseed_seconds={time.perf_counter() - started:.3f}")
        return

    log("batch unavailable: one POST per record, 8 at a time (creates of values that exist are upserts)")
    with open(os.path.join(datadir, "records.jsonl"), "rb") as f:
        lines = f.readlines()
    failures = []
    local = threading.local()

    def create(line):
        if not hasattr(local, "client"):
            local.client = http_client.zoneapi(base, key)
        status, body, _ = local.client.request("POST", records, line)
        if status != 201:
            failures.append(f"{status} {body[:200]!r}")

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for done, _ in enumerate(pool.map(create, lines), 1):
            if done % 10000 == 0:
                log(f"{done} of {len(lines)} records")
    if failures:
        log(f"{len(failures)} creates failed, the first: {failures[0]}")
    print(f"seed_path={path}\nseed_seconds={time.perf_counter() - started:.3f}\nseed_failures={len(failures)}")


def seed_pdns(base, zone, datadir):
    client = http_client.pdns(base, os.environ["BENCH_PDNS_KEY"])
    status, body, _ = client.request("POST", "/api/v1/servers/localhost/zones", json.dumps(
        {"name": zone + ".", "kind": "Native", "nameservers": ["ns1.zoneapi.test.", "ns2.zoneapi.test."]}))
    if status != 201:
        sys.exit(f"seed: PowerDNS zone create: {status} {body[:300]!r}")
    with open(os.path.join(datadir, "pdns-patch.json"), "rb") as f:
        patch = f.read()
    status, body, seconds = client.request("PATCH", f"/api/v1/servers/localhost/zones/{zone}.", patch)
    if status != 204:
        sys.exit(f"seed: PowerDNS bulk PATCH: {status} {body[:300]!r}")
    print(f"seed_path=bulk PATCH\nseed_seconds={seconds:.3f}")


if __name__ == "__main__":
    server, base, zone, datadir = sys.argv[1:5]
    (seed_zoneapi if server == "zoneapi" else seed_pdns)(base, zone, datadir)
