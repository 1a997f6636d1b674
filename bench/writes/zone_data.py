"""The large zone of bench/writes/run.sh, the same records in the forms each server loads.

    python3 zone_data.py RECORDS ZONE OUTDIR

writes OUTDIR/zone.txt (an RFC 1035 master file for ZoneApi's import), OUTDIR/batches.jsonl (ZoneApi batch bodies of
at most 1000 creates, one a line), OUTDIR/records.jsonl (one ZoneApi create body a line, for the last fallback) and
OUTDIR/pdns-patch.json (one PATCH of PowerDNS's API that replaces every rrset at once). The mix is bench/dns's: 40% A,
20% AAAA, 10% CNAME to an A of the zone, 10% MX to an A of the zone, 20% TXT, each under its own name, so both servers
hold RECORDS rrsets of one value each besides the SOA and NS that zone creation made.
"""

import ipaddress
import json
import os
import sys


def records(count, zone):
    """(relative name, type, content in ZoneApi's form, content in PowerDNS's form) for i = 0 .. count-1."""
    for i in range(count):
        kind = i % 10
        if kind < 4:
            address = f"10.{(i >> 16) % 256}.{(i >> 8) % 256}.{i % 256}"
            yield f"host-{i}", "A", address, address
        elif kind < 6:
            address = str(ipaddress.IPv6Address(f"2001:db8::{i >> 16:x}:{i % 65536:x}"))
            yield f"host-{i}", "AAAA", address, address
        elif kind == 6:
            target = f"host-{i - 6}.{zone}."  # kind 0: an A of the zone, listed before this name
            yield f"www-{i}", "CNAME", target, target
        elif kind == 7:
            target = f"host-{i - 7}.{zone}."
            yield f"mail-{i}", "MX", f"10 {target}", f"10 {target}"
        else:
            # No ';' or escapes: this measures the import, not its parser's corner cases.
            text = f"v=spf1 ip4:10.{(i >> 16) % 256}.{(i >> 8) % 256}.0/24 -all bench record {i}"
            yield f"txt-{i}", "TXT", text, f'"{text}"'


def main():
    count, zone, outdir = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rows = list(records(count, zone))

    with open(os.path.join(outdir, "zone.txt"), "w", encoding="ascii") as f:
        f.write(f"$ORIGIN {zone}.\n$TTL 3600\n")
        for name, rtype, content, pdns_content in rows:
            # PowerDNS's form is the presentation form: TXT quoted, MX with its preference.
            f.write(f"{name}\tIN\t{rtype}\t{pdns_content}\n")

    def create(name, rtype, content):
        return {"name": name, "type": rtype, "content": content, "ttl": 3600}

    with open(os.path.join(outdir, "batches.jsonl"), "w", encoding="ascii") as f:
        for start in range(0, len(rows), 1000):
            operations = [{"action": "create", "record": create(*row[:3])} for row in rows[start:start + 1000]]
            f.write(json.dumps({"operations": operations}) + "\n")

    with open(os.path.join(outdir, "records.jsonl"), "w", encoding="ascii") as f:
        for row in rows:
            f.write(json.dumps(create(*row[:3])) + "\n")

    rrsets = [{"name": f"{name}.{zone}.", "type": rtype, "ttl": 3600, "changetype": "REPLACE",
               "records": [{"content": content, "disabled": False}]}
              for name, rtype, _, content in rows]
    with open(os.path.join(outdir, "pdns-patch.json"), "w", encoding="ascii") as f:
        json.dump({"rrsets": rrsets}, f)


if __name__ == "__main__":
    main()
