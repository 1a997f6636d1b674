"""A kept-alive HTTP/1.1 connection per caller, with the key in a header, and a clock around each request."""

import http.client
import json
import time
import urllib.parse


class Client:
    def __init__(self, base, headers, timeout=900):
        url = urllib.parse.urlsplit(base)
        self.prefix = url.path.rstrip("/")
        self.headers = headers
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=timeout)

    def request(self, method, path, body=None, content_type="application/json"):
        """(status, body bytes, seconds): the whole body is read inside the timed span."""
        headers = dict(self.headers)
        if body is not None:
            headers["Content-Type"] = content_type
            if isinstance(body, str):
                body = body.encode()
        started = time.perf_counter()
        self.connection.request(method, self.prefix + path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        return response.status, data, time.perf_counter() - started

    def close(self):
        self.connection.close()


def zoneapi(base, key):
    return Client(base, {"Authorization": f"Bearer {key}"})


def pdns(base, key):
    return Client(base, {"X-API-Key": key})


def error_code(body):
    """The envelope's error code, or None for anything else (a body that is no envelope)."""
    try:
        return json.loads(body)["error"]["code"]
    except (ValueError, KeyError, TypeError):
        return None
