#!/usr/bin/env python3
"""Median and 95th-percentile times of the employer and school pages on a running demo.

Start the demo and keep what it prints (the single-use sign-in links):
    DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/encounters_measure?user=postgres" PORT=8091 \
        bin/encounters demo > /tmp/demo.log 2>&1 &
then, once it says "Serving":
    python3 bench/page-timings.py /tmp/demo.log [requests-per-page]
Each page is fetched once to warm up, then sequentially. Sign-in links work once: restart the demo to run again.
Issue 9 brings the load test proper (concurrency, national data); this is the quick single-user figure.
"""
import http.cookiejar
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)


def fetch(browser, url, fields=None):
    data = None if fields is None else urllib.parse.urlencode(fields).encode()
    try:
        response = browser.open(urllib.request.Request(url, data=data))
        return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def token(html):
    return re.search(r'name="X-XSRF-TOKEN" value="([^"]+)"', html).group(1)


def sign_in(link):
    browser = opener()
    _, page = fetch(browser, link)
    fetch(browser, link, [("X-XSRF-TOKEN", token(page))])
    return browser


def timed(browser, url, count):
    fetch(browser, url)
    times = []
    for _ in range(count):
        start = time.perf_counter()
        status, _ = fetch(browser, url)
        times.append((time.perf_counter() - start) * 1000)
        if status != 200:
            raise SystemExit(f"{url} answered {status}")
    times.sort()
    return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]


def main():
    log = open(sys.argv[1]).read()
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    base = re.search(r"Serving (http://\S+) ", log).group(1)
    links = dict(re.findall(r"^  (\w[\w ]+?)\s{2,}\S+\n\s+(http\S+)", log, re.M))
    employer = sign_in(links["Employer"])
    employer_id = re.search(r"/employers/(\d+)", fetch(employer, base + "/account")[1]).group(1)
    leader = sign_in(links["Careers leader"])
    school_id = re.search(r"/schools/(\d+)/progress", fetch(leader, base + "/account")[1]).group(1)
    coordinator = sign_in(links["Enterprise coordinator"])
    hub_id = re.search(r"/hubs/(\d+)/people", fetch(coordinator, base + "/account")[1]).group(1)
    pages = [
        (employer, f"/employers/{employer_id}"),
        (leader, f"/schools/{school_id}/offers"),
        (leader, f"/schools/{school_id}/offers?type=careers_talk&year=9&maxKm=10"),
        (leader, f"/schools/{school_id}/progress"),
        (leader, f"/schools/{school_id}/bookings"),
        (leader, f"/schools/{school_id}/requests"),
        (leader, f"/schools/{school_id}/pupils"),
        (leader, f"/schools/{school_id}/evidence/encounters.csv"),
        (coordinator, f"/hubs/{hub_id}/employers"),
    ]
    print(f"{'page':60} {'median':>10} {'p95':>10}")
    for browser, path in pages:
        median, p95 = timed(browser, base + path, count)
        print(f"{path:60} {median:8.1f}ms {p95:8.1f}ms")
    rows = "name,email,safeguarding_checked_until\n" + "".join(
        f"Volunteer {i},bulk{i}@example.org,2028-01-01\n" for i in range(5000))
    # re-running updates the same 5,000 volunteers (matched by email) rather than adding more
    path = f"{base}/employers/{employer_id}/import"
    _, page = fetch(employer, path)
    for action in ("preview", "save"):
        # each page carries a fresh CSRF token: post with the one from the page before
        fields = [("csv", rows), ("X-XSRF-TOKEN", token(page))] + ([("action", "save")] if action == "save" else [])
        start = time.perf_counter()
        status, page = fetch(employer, path + "/volunteers", fields)
        print(f"{'volunteer import, 5,000 rows: ' + action:60} {(time.perf_counter() - start) * 1000:8.0f}ms (status {status})")


if __name__ == "__main__":
    main()
