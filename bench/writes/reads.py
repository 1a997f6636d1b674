"""Timed reads of the large zone for bench/writes/run.sh; prints key=value lines.

    python3 reads.py get zoneapi|pdns BASE PATH REPEAT     # the median of REPEAT GETs, each read to its end
    python3 reads.py walk BASE ZONE_ID PAGE EXPECTED       # every page of ZoneApi's record list, one after another

The walk checks what it read: EXPECTED records in all, each once, every page's pagination consistent. The time is
the sum of the requests (each body read to its end), not of the checks between them.
"""

import json
import os
import statistics
import sys

import http_client


def client(server, base):
    if server == "pdns":
        return http_client.pdns(base, os.environ["BENCH_PDNS_KEY"])
    return http_client.zoneapi(base, os.environ["BENCH_ZONEAPI_KEY"])


def get(server, base, path, repeat):
    c = client(server, base)
    times, size = [], 0
    for _ in range(repeat):
        status, body, seconds = c.request("GET", path)
        if status != 200:
            sys.exit(f"reads: GET {path}: {status} {body[:300]!r}")
        times.append(seconds)
        size = len(body)
    print(f"ms={1000 * statistics.median(times):.1f}\nbytes={size}")


def walk(base, zone_id, page, expected):
    c = client("zoneapi", base)
    seen, total_seconds, pages, offset = set(), 0.0, 0, 0
    while True:
        status, body, seconds = c.request("GET", f"/v1/zones/{zone_id}/records?offset={offset}&limit={page}")
        if status != 200:
            sys.exit(f"reads: walk at offset {offset}: {status} {body[:300]!r}")
        total_seconds += seconds
        pages += 1
        data = json.loads(body)["data"]
        p = data["pagination"]
        if p["total"] != expected or p["count"] != len(data["records"]) or p["offset"] != offset \
                or p["has_more"] != (offset + p["count"] < p["total"]):
            sys.exit(f"reads: walk at offset {offset}: inconsistent pagination {p} (expected a total of {expected})")
        seen.update(r["id"] for r in data["records"])
        offset += p["count"]
        if not p["has_more"]:
            break
    if len(seen) != expected or offset != expected:
        sys.exit(f"reads: walk saw {len(seen)} distinct records in {offset} rows, expected {expected}")
    print(f"ms={1000 * total_seconds:.1f}\npages={pages}")


if __name__ == "__main__":
    if sys.argv[1] == "get":
        get(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
    else:
        walk(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
