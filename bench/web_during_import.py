#!/usr/bin/env python3
"""Load on `vigie serve` while something else runs (a CLI import): readers
GET pages, a login loop logs in and out, a writer creates incidents. Every
request's status and time are kept; the summary is JSON on stdout.

    web_during_import.py BASE_URL EMAIL PASSWORD WRITER_EMAIL --until-pid PID

Stops when process PID has exited (or after --max-seconds)."""

import argparse
import http.client
import json
import os
import re
import threading
import time
import urllib.parse

CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')


class Client:
    def __init__(self, base):
        url = urllib.parse.urlparse(base)
        self.host, self.port = url.hostname, url.port
        self.conn = None
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            body = urllib.parse.urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            try:
                start = time.perf_counter()
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                text = response.read().decode("utf-8", "replace")
                elapsed = time.perf_counter() - start
                break
            except (http.client.HTTPException, OSError):
                # a kept-alive connection the server closed: once more
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        return response.status, elapsed, text, response.getheader("Retry-After")

    def login(self, email, password):
        """Returns (status, seconds from the form to the session)."""
        start = time.perf_counter()
        _, _, page, _ = self.request("GET", "/login")
        token = CSRF.search(page).group(1)
        status, _, _, _ = self.request("POST", "/login", {"email": email, "password": password, "csrf": token})
        return status, time.perf_counter() - start

    def csrf(self):
        _, _, page, _ = self.request("GET", "/incidents/new")
        found = CSRF.search(page)
        return found.group(1) if found else ""


def percentile(values, p):
    if not values:
        return None
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("email")
    parser.add_argument("password")
    parser.add_argument("writer")
    parser.add_argument("--until-pid", type=int, required=True)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--max-seconds", type=float, default=900)
    args = parser.parse_args()

    stop = threading.Event()
    lock = threading.Lock()
    gets, logins, writes, statuses, errors = [], [], [], {}, []

    def count(kind, status):
        with lock:
            statuses.setdefault(kind, {}).setdefault(str(status), 0)
            statuses[kind][str(status)] += 1

    paths = ["/dashboard", "/api/v1/dashboard?region=g5-sahel", "/incidents", "/incidents?country=BF",
             "/api/v1/dashboard?region=lake-chad&month=2024-06", "/members"]

    def logged_in(email):
        """A client with a session, or None once stopped."""
        while not stop.is_set():
            client = Client(args.base)
            try:
                status, _ = client.login(email, args.password)
            except Exception as e:  # noqa: BLE001
                status = str(e)
            if status == 303 and "vigie_session" in client.cookies:
                return client
            with lock:
                errors.append(f"setup login of {email}: {status}")
            time.sleep(0.5)
        return None

    def reader(n):
        # one login at a time: concurrent attempts from one address count
        # against the login rate limit until they succeed
        time.sleep(0.3 * n)
        client = logged_in(args.email)
        if client is None:
            return
        i = n
        while not stop.is_set():
            path = paths[i % len(paths)]
            i += 1
            try:
                status, elapsed, _, _ = client.request("GET", path)
            except Exception as e:  # noqa: BLE001 - counted, not raised
                with lock:
                    errors.append(f"GET {path}: {e}")
                continue
            count("get", status)
            with lock:
                gets.append((path, elapsed))

    def login_loop():
        time.sleep(0.3 * (args.readers + 1))
        while not stop.is_set():
            client = Client(args.base)
            try:
                status, elapsed = client.login(args.email, args.password)
            except Exception as e:  # noqa: BLE001
                with lock:
                    errors.append(f"login: {e}")
                continue
            count("login", status)
            with lock:
                logins.append(elapsed)
            time.sleep(0.25)

    def writer():
        time.sleep(0.3 * args.readers)
        client = logged_in(args.writer)
        if client is None:
            return
        n = 0
        while not stop.is_set():
            token = client.csrf()
            n += 1
            form = {"date": "2024-12-05", "country": "BF", "location": f"Djibo {n}", "admin1": "", "latitude": "",
                    "longitude": "", "perpetrator": "jnim", "target": "civilians", "method": "armed_assault",
                    "killed": "1", "wounded": "0", "kidnapped": "", "description": "bench", "sources": "bench",
                    "csrf": token}
            try:
                status, elapsed, _, retry = client.request("POST", "/incidents", form)
            except Exception as e:  # noqa: BLE001
                with lock:
                    errors.append(f"POST: {e}")
                continue
            count("write", status)
            with lock:
                writes.append((status, elapsed, retry))
            time.sleep(0.5)

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(args.readers)]
    threads += [threading.Thread(target=login_loop), threading.Thread(target=writer)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    while time.perf_counter() - started < args.max_seconds:
        try:
            os.kill(args.until_pid, 0)
        except OSError:
            break
        if os.path.exists(f"/proc/{args.until_pid}/stat"):
            with open(f"/proc/{args.until_pid}/stat") as f:
                if f.read().split()[2] == "Z":
                    break
        time.sleep(0.1)
    stop.set()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - started

    get_ms = [e * 1000 for _, e in gets]
    by_path = {}
    for path, e in gets:
        by_path.setdefault(path, []).append(e * 1000)
    summary = {
        "seconds": round(seconds, 1),
        "gets": len(gets),
        "get_ms": {p: round(percentile(get_ms, p), 1) for p in (50, 95, 99)} | {"max": round(max(get_ms), 1)},
        "get_p99_ms_by_path": {k: round(percentile(v, 99), 1) for k, v in by_path.items()},
        "logins": len(logins),
        "login_s": {"p50": round(percentile(logins, 50), 3), "max": round(max(logins), 3)},
        "writes": len(writes),
        "write_retry_after": sorted({r for s, _, r in writes if s == 503}),
        "statuses": statuses,
        "errors": errors[:10],
        "error_count": len(errors),
    }
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
