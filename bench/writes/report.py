"""The ratio table of bench/writes/run.sh, from its key=value results file, and issue 9's targets against it.

    python3 report.py RESULTS

A row run.sh could not measure (a route the build lacks, a run that failed) reads n/a. The ratio is always "how many
times ZoneApi is faster": requests per second of ZoneApi over PowerDNS's, or PowerDNS's time over ZoneApi's.
"""

import sys


def load(path):
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            values[key] = value
    return values


R = {}


def num(key):
    try:
        return float(R[key])
    except (KeyError, ValueError):
        return None


def fmt(value, unit=""):
    if value is None:
        return "n/a"
    text = f"{value:,.0f}" if value >= 100 else f"{value:.1f}" if value >= 10 else f"{value:.2f}"
    return text + unit


def ratio(faster, slower):
    """faster / slower as "1.5"; n/a when either is missing, "—" for nothing to compare."""
    if faster is None or slower is None:
        return "n/a"
    if slower == 0:
        return "∞" if faster > 0 else "n/a"
    return f"{faster / slower:.2f}"


def percent(part, whole):
    return "n/a" if part is None or not whole else f"{100 * part / whole:.1f}%"


def throughput(prefix):
    rps = num(f"{prefix}.rps")
    if rps is None:
        return "n/a"
    cell = f"{fmt(rps)} req/s, p99 {fmt(num(f'{prefix}.p99'), ' ms')}"
    requests = num(f"{prefix}.requests")
    if requests is not None and requests < 100:
        cell += f" (n={requests:.0f})"  # a p99 of a few answers is their slowest
    bad = num(f"{prefix}.bad")
    return cell + (f" ({bad:.0f} failed)" if bad else "")


def main():
    R.update(load(sys.argv[1]))
    records = int(R["records"])
    concurrency = R["concurrency"].split()
    rows = []

    for zone, label in (("empty", "empty zone"), ("big", f"{records:,}-record zone")):
        for rtype in ("A", "CNAME"):
            for c in concurrency:
                z, p = f"zoneapi.{rtype}.{zone}.c{c}", f"pdns.{rtype}.{zone}.c{c}"
                rows.append((f"{rtype} create, {label}, c={c}", throughput(z), throughput(p),
                             ratio(num(z + ".rps"), num(p + ".rps"))))
    for c in R["zone_concurrency"].split():
        z, p = f"zoneapi.zone.c{c}", f"pdns.zone.c{c}"
        rows.append((f"zone create, c={c}", throughput(z), throughput(p), ratio(num(z + ".rps"), num(p + ".rps"))))

    get_zone = num("pdns.getzone.ms")
    whole = f"no pages; one GET of the zone: {fmt(get_zone, ' ms')}"
    for key, label in (("first", "list: first page (50)"), ("deep", f"list: page at offset {records - 50:,} (50)"),
                       ("page1000", "list: first page of 1000")):
        p50 = num(f"zoneapi.list.{key}.p50")
        cell = "n/a" if p50 is None else f"{fmt(p50, ' ms')} (p99 {fmt(num(f'zoneapi.list.{key}.p99'), ' ms')})"
        rows.append((f"{label}, {records:,}-record zone, c=1", cell, whole, "—"))
    walk = num("zoneapi.walk.ms")
    pages = R.get("zoneapi.walk.pages", "?")
    rows.append((f"read the whole {records:,}-record zone", "n/a" if walk is None else f"{fmt(walk, ' ms')} ({pages} pages of 1000)",
                 f"one GET of the zone: {fmt(get_zone, ' ms')}", ratio(get_zone, walk)))
    export = num("zoneapi.export.ms")
    rows.append((f"export of {records:,} (GET …/export)", fmt(export, " ms"), f"GET of the zone: {fmt(get_zone, ' ms')}",
                 ratio(get_zone, export)))
    rows.append((f"export of {records:,}", fmt(export, " ms"), f"GET …/export: {fmt(num('pdns.export.ms'), ' ms')}",
                 ratio(num("pdns.export.ms"), export)))

    pdns_load = num("pdns.seed_seconds")
    pdns_cell = f"bulk PATCH of {records:,} rrsets: {fmt(pdns_load, ' s')}"
    path = R.get("zoneapi.seed_path", "n/a")
    if path == "import":
        imported = num("zoneapi.import_seconds")
        rows.append((f"import of {records:,} (mode=replace, text/dns)", fmt(imported, " s"), pdns_cell, ratio(pdns_load, imported)))
    else:
        status = R.get("zoneapi.import_status", "n/a")
        why = "no import route" if status == "missing" else f"import answered {status}"
        rows.append((f"import of {records:,} (mode=replace, text/dns)", f"n/a ({why})", pdns_cell, "n/a"))
        failures = R.get("zoneapi.seed_failures")
        rows.append((f"load {records:,} records, as this run did: {path}",
                     fmt(num("zoneapi.seed_seconds"), " s") + (f" ({failures} failed)" if failures not in (None, "0") else ""),
                     pdns_cell, ratio(pdns_load, num("zoneapi.seed_seconds"))))

    for c in concurrency:
        for variant, label in (("plain", "plain tables"), ("schema", "ZoneApi's tables")):
            tps = num(f"pgbench.{variant}.c{c}.tps")
            share = [percent(num(f"{server}.A.empty.c{c}.rps"), tps) for server in ("zoneapi", "pdns")]
            rows.append((f"PostgreSQL ceiling, {label}, c={c}: {fmt(tps, ' tx/s')}", f"A create = {share[0]} of it",
                         f"A create = {share[1]} of it", "—"))

    print()
    print(f"ZoneApi vs PowerDNS's HTTP API, at {R['commit']}; {R['machine']}; load average at the start "
          f"{R['load_start']}, before timing {R['load_before']}, at the end {R['load_after']}")
    print(f"{R['versions']}; {R['settings']}; {R['minutes']} min")
    print()
    print("| work | ZoneApi | PowerDNS API | ratio (x faster) |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print()
    print("Issue 9's targets (goals, not assertions):")
    for line in targets(records, concurrency):
        print("- " + line)


def verdict(ok):
    return "n/a" if ok is None else "met" if ok else "NOT met"


def targets(records, concurrency):
    a8, pa8, cn8 = num("zoneapi.A.empty.c8.rps"), num("pdns.A.empty.c8.rps"), num("zoneapi.CNAME.empty.c8.rps")
    big8 = num("zoneapi.A.big.c8.rps")
    p99, pp99 = num("zoneapi.A.empty.c32.p99"), num("pdns.A.empty.c32.p99")
    pages = [num(f"zoneapi.list.{k}.p50") for k in ("first", "deep")]
    walk, export, get_zone = num("zoneapi.walk.ms"), num("zoneapi.export.ms"), num("pdns.getzone.ms")
    imported = num("zoneapi.import_seconds") if R.get("zoneapi.seed_path") == "import" else None

    def both(x, y, test):
        return None if x is None or y is None else test(x, y)

    yield f"A create at c=8 >= 2,500 req/s: {fmt(a8, ' req/s')}: {verdict(None if a8 is None else a8 >= 2500)}"
    yield f"A create at c=8 >= 10x PowerDNS's: {ratio(a8, pa8)}x: {verdict(both(a8, pa8, lambda x, y: x >= 10 * y))}"
    yield (f"CNAME create within 20% of A, c=8: {ratio(cn8, a8)} of A: "
           f"{verdict(both(cn8, a8, lambda x, y: x >= 0.8 * y))}")
    yield (f"A create p99 at c=32 below PowerDNS's: {fmt(p99, ' ms')} vs {fmt(pp99, ' ms')}: "
           f"{verdict(both(p99, pp99, lambda x, y: x < y))}")
    yield (f"A create into the {records:,}-record zone >= 90% of the empty zone's, c=8: {ratio(big8, a8)}: "
           f"{verdict(both(big8, a8, lambda x, y: x >= 0.9 * y))}")
    yield (f"a list page under 5 ms at any offset (p50, first / deep): {fmt(pages[0], ' ms')} / {fmt(pages[1], ' ms')}: "
           f"{verdict(None if None in pages else max(pages) < 5)}")
    yield f"full walk under 1 s: {fmt(walk, ' ms')}: {verdict(None if walk is None else walk < 1000)}"
    yield (f"export faster than PowerDNS's GET of the zone: {fmt(export, ' ms')} vs {fmt(get_zone, ' ms')}: "
           f"{verdict(both(export, get_zone, lambda x, y: x < y))}")
    yield f"import (replace) under 3 s: {fmt(imported, ' s')}: {verdict(None if imported is None else imported < 3)}"
    if "8" not in concurrency:
        yield "(the c=8 targets need 8 in CONCURRENCY)"


if __name__ == "__main__":
    main()
