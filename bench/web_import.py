# Times a web import as an analyst against a running `vigie serve`.
import sys, time, re, urllib.request, urllib.parse, http.cookiejar, uuid
base, email, path = sys.argv[1], sys.argv[2], sys.argv[3]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
page = opener.open(base + "/login").read().decode()
csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
data = urllib.parse.urlencode({"email": email, "password": "vigie-demo-2023", "csrf": csrf}).encode()
try:
    opener.open(base + "/login", data)
except urllib.error.HTTPError as e:
    pass
page = opener.open(base + "/incidents/import").read().decode()
csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
boundary = uuid.uuid4().hex
content = open(path, "rb").read()
body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n"
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
req = urllib.request.Request(base + "/incidents/import", body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})
t = time.time()
reply = opener.open(req).read().decode()
elapsed = time.time() - t
counts = re.findall(r'<th scope="row">([^<]+)</th><td>(\d+)</td>', reply)
print(f"{elapsed:.2f} s", counts[:4])
