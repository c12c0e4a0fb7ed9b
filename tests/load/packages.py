#!/usr/bin/env python3
"""The SCORM run-time commits of tests/load/packages.sh (standard library only).

  packages.py prepare BASE TOKEN ZIP LEARNERS OUT
      As the author whose API token is TOKEN: makes a self-paced course with
      one package lesson running the package ZIP, publishes it; registers
      LEARNERS learners, each signed in to the portal, enrolled, and on the
      lesson's player page (a session launched). Writes OUT (one line per
      learner: the session cookie and the commit address, tab-separated).
  packages.py body
      Prints the commit every request sends: a SCORM 1.2 SCO midway, as
      scorm-again sends it (status, location, a score, 2,000 characters of
      suspend data, three interactions).
"""
import http.cookiejar
import json
import re
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PASSWORD = "run-time-commits-2026"


def call(base, method, path, token=None, body=None, raw=None, ctype="application/json"):
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        req.add_header("content-type", ctype)
    if token:
        req.add_header("authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as res:
        text = res.read()
        return json.loads(text) if text else None


def learner(base, n, course):
    email = f"commit-{n}-{int(time.time())}@example.org"
    call(base, "POST", "/api/v1/auth/register", body={
        "email": email, "password": PASSWORD, "display_name": f"Learner {n}",
        "language": "en", "country": "KE"})
    token = call(base, "POST", "/api/v1/auth/token", body={"email": email, "password": PASSWORD})["access_token"]
    call(base, "POST", f"/api/v1/courses/{course}/enrollments", token)
    jar = http.cookiejar.CookieJar()
    web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = web.open(base + "/sign-in").read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"csrf": csrf, "email": email, "password": PASSWORD}).encode()
    web.open(base + "/sign-in", data=form).read()
    return web, jar


def prepare(base, token, zip_path, learners, out):
    slug = f"commits-{int(time.time())}"
    c = call(base, "POST", "/api/v1/courses", token, {
        "slug": slug, "format": "self_paced", "level": "introductory", "estimated_hours": 1,
        "default_language": "en", "languages": ["en"], "title": {"en": "Run-time commits"}})
    with open(zip_path, "rb") as f:
        p = call(base, "POST", f"/api/v1/courses/{c['id']}/packages?name=water.zip", token,
                 raw=f.read(), ctype="application/zip")
    m = call(base, "POST", f"/api/v1/courses/{c['id']}/modules", token, {"title": {"en": "One"}})
    lesson = call(base, "POST", f"/api/v1/modules/{m['id']}/lessons", token,
                  {"title": {"en": "Water"}, "kind": "package", "package": p["id"]})
    call(base, "POST", f"/api/v1/courses/{c['id']}/publish", token)
    play = f"/courses/{slug}/lessons/{lesson['key']}/play?sco=lesson"

    def one(n):
        web, jar = learner(base, n, c["id"])
        page = web.open(base + play).read().decode()
        commit = re.search(r'data-commit="([^"]+)"', page).group(1).replace("&amp;", "&")
        cookie = next(f"{k.name}={k.value}" for k in jar if k.name == "kuza_session")
        return f"{cookie}\t{commit}"

    with ThreadPoolExecutor(8) as pool:
        lines = list(pool.map(one, range(learners)))
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{learners} learners in a package lesson of course {slug}")


def body():
    interactions = {str(i): {"id": f"q{i}", "time": f"10:0{i}:00", "type": "choice",
                             "weighting": "1", "student_response": "b", "result": "correct",
                             "latency": "00:00:12", "objectives": {}, "correct_responses": {}}
                    for i in range(3)}
    print(json.dumps({"cmi": {
        "suspend_data": json.dumps({"page": 2, "notes": "x" * 1950}), "launch_data": "",
        "comments": "", "comments_from_lms": "",
        "core": {"student_id": "", "student_name": "", "lesson_location": "page-2", "credit": "",
                 "lesson_status": "incomplete", "entry": "", "lesson_mode": "normal", "exit": "",
                 "session_time": "00:03:10", "score": {"raw": "60", "min": "0", "max": "100"}},
        "objectives": {}, "student_data": {"mastery_score": "", "max_time_allowed": "",
                                           "time_limit_action": ""},
        "student_preference": {"audio": "", "language": "", "speed": "", "text": ""},
        "interactions": interactions}}, separators=(",", ":")))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "prepare":
        prepare(args[0], args[1], args[2], int(args[3]), args[4])
    elif cmd == "body":
        body()
    else:
        sys.exit(__doc__)
