# Does the time of a delegate's dry-run import tell whether an id exists? (issue 11)
# 10,000 rows naming one id, a Mali draft's then an unknown one, N times each in turn.
#   python3 bench/import_timing.py http://127.0.0.1:8080 MALI_DRAFT_ID [N]   (a `vigie demo` database served)
import sys, time, re, urllib.request, urllib.parse, http.cookiejar, uuid, statistics
base, mali = sys.argv[1], sys.argv[2]
unknown = mali[:-1] + ("x" if mali[-1] != "x" else "y")
def session(email):
    jar = http.cookiejar.CookieJar()
    op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = op.open(base + "/login").read().decode()
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    try: op.open(base + "/login", urllib.parse.urlencode({"email": email, "password": "vigie-demo-2023", "csrf": csrf}).encode())
    except urllib.error.HTTPError: pass
    return op
op = session("delegate.bf@vigie.example")
page = op.open(base + "/incidents/import").read().decode()
csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
def upload(ident):
    rows = "id,date,country,location,description\n" + "".join(f"{ident},2023-11-20,BF,x,y\n" for _ in range(10000))
    b = uuid.uuid4().hex
    parts = [("csrf", csrf), ("skip_invalid", "1"), ("dry_run", "1")]
    body = "".join(f"--{b}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n" for k, v in parts)
    body = body.encode() + f"--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.csv\"\r\nContent-Type: text/csv\r\n\r\n".encode() + rows.encode() + f"\r\n--{b}--\r\n".encode()
    req = urllib.request.Request(base + "/incidents/import", body, {"Content-Type": f"multipart/form-data; boundary={b}"})
    t = time.perf_counter()
    try: op.open(req).read()
    except urllib.error.HTTPError as e: e.read()
    return time.perf_counter() - t
times = {"mali": [], "unknown": []}
for _ in range(int(sys.argv[3]) if len(sys.argv) > 3 else 7):
    times["mali"].append(upload(mali)); times["unknown"].append(upload(unknown))
for k, v in times.items():
    print(f"{k}: median {statistics.median(v)*1000:.1f} ms, min {min(v)*1000:.1f}, max {max(v)*1000:.1f}")
