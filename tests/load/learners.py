#!/usr/bin/env python3
"""Request lists for the write measurements in bench.sh (standard library only).

  learners.py prepare BASE OUT FIRST COUNT COURSES
      Signs in generated learners FIRST .. FIRST+COUNT-1 through the API and
      picks, for each, COURSES generated self-paced courses (slug ending in
      four digits) they are not enrolled in. Writes OUT/enrol.tsv (one
      enrolment in each) and OUT/state.json for the next two steps.
  learners.py lessons BASE OUT
      Writes OUT/complete.tsv: every text lesson of the picked courses the
      learners are now enrolled in.
  learners.py attempts BASE OUT
      Enrols the learners in the picked courses they are not enrolled in yet,
      starts an attempt at each picked course's quiz, and writes
      OUT/submit.tsv: the submission of each, with the answers the generated
      quiz counts right (its first option, and "true").
  learners.py pick BASE EMAIL PASSWORD
      Prints the slug and the next lesson of the learner's first enrolment
      in a generated course that is started but not finished.
  learners.py count DATABASE_URL SQL
      Prints the one number the query returns (SQLite or PostgreSQL).

Each .tsv line is: method, path, bearer token and (possibly empty) JSON body,
separated by tabs; tests/load/each.lua sends every line once. Lines are
ordered so that consecutive requests belong to different learners, as when
many people study at once.
"""
import json
import re
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

PASSWORD = "learn-at-scale-2026"
GENERATED = re.compile(r"-\d{4}$")


def call(base, method, path, token=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read() or b"null")


def token(base, email, password=PASSWORD):
    return call(base, "POST", "/api/v1/auth/token", body={"email": email, "password": password})["access_token"]


def email(n):
    return f"learner-{n:06d}@generated.example.org"


def lessons(doc):
    return [l for m in doc["document"]["modules"] for l in m["lessons"]]


def generated_courses(base):
    slugs, page = [], 1
    while True:
        p = call(base, "GET", f"/api/v1/catalog?format=self_paced&per_page=100&page={page}")
        slugs += [c["slug"] for c in p["items"] if GENERATED.search(c["slug"])]
        if page * p["per_page"] >= p["total"]:
            return slugs
        page += 1


def write_tsv(path, rows):
    with open(path, "w") as f:
        for method, url, tok, body in rows:
            f.write(f"{method}\t{url}\t{tok}\t{'' if body is None else json.dumps(body, separators=(',', ':'))}\n")


def prepare(base, out, first, count, per):
    with ThreadPoolExecutor(8) as pool:
        tokens = list(pool.map(lambda n: token(base, email(n)), range(first, first + count)))
        docs = list(pool.map(lambda s: call(base, "GET", f"/api/v1/catalog/{s}"), generated_courses(base)))
        mine = list(pool.map(lambda t: call(base, "GET", "/api/v1/me/enrollments?per_page=100", t), tokens))
    if len(docs) < per:
        sys.exit(f"only {len(docs)} generated self-paced courses; {per} asked for")
    plan = []  # per learner, the courses to enrol in, in the order sent
    for i in range(count):
        taken = {e["course_id"] for e in mine[i]["items"]}
        free = [d["id"] for d in docs if d["id"] not in taken]
        start = (i * 37) % len(free)
        plan.append([free[(start + k) % len(free)] for k in range(per)])
    write_tsv(f"{out}/enrol.tsv", [("POST", f"/api/v1/courses/{plan[i][k]}/enrollments", tokens[i], None)
                                   for k in range(per) for i in range(count)])
    text = {d["id"]: [l["key"] for l in lessons(d) if l["kind"] == "text"] for d in docs}
    quiz = {d["id"]: next(l["key"] for l in lessons(d) if l["kind"] == "quiz") for d in docs}
    with open(f"{out}/state.json", "w") as f:
        json.dump({"tokens": tokens, "plan": plan, "text": text, "quiz": quiz}, f)
    print(f"{count} learners signed in; {count * per} enrolments to send")


def enrolled(base, out):
    """The state, and per learner the picked courses they are enrolled in."""
    with open(f"{out}/state.json") as f:
        state = json.load(f)
    with ThreadPoolExecutor(8) as pool:
        mine = list(pool.map(lambda t: call(base, "GET", "/api/v1/me/enrollments?per_page=100", t),
                             state["tokens"]))
    ids = [{e["course_id"] for e in m["items"] if e["status"] == "active"} for m in mine]
    return state, [[c for c in p if c in ids[i]] for i, p in enumerate(state["plan"])]


def complete(base, out):
    state, taken = enrolled(base, out)
    text, tokens = state["text"], state["tokens"]
    rows = [("POST", f"/api/v1/lessons/{text[str(c)][n]}/complete", tokens[i], None)
            for n in range(max(len(v) for v in text.values()))
            for k in range(max(map(len, taken)))
            for i, cs in enumerate(taken) if k < len(cs) for c in [cs[k]] if n < len(text[str(c)])]
    write_tsv(f"{out}/complete.tsv", rows)
    print(f"{len(rows)} lesson completions to send")


def attempts(base, out):
    state, taken = enrolled(base, out)
    tokens, plan = state["tokens"], state["plan"]
    # The enrolments the measured run did not reach, so that there is a quiz
    # to submit in every picked course.
    rest = [(tokens[i], c) for i, p in enumerate(plan) for c in p if c not in taken[i]]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda r: call(base, "POST", f"/api/v1/courses/{r[1]}/enrollments", r[0]), rest))
    jobs = [(tokens[i], state["quiz"][str(plan[i][k])]) for k in range(len(plan[0])) for i in range(len(plan))]

    def start(job):
        tok, quiz = job
        a = call(base, "POST", f"/api/v1/quizzes/{quiz}/attempts", tok)
        answers = {}
        for q in a["questions"]:
            if q["kind"] == "single":
                answers[q["key"]] = q["options"][0]["key"]
            elif q["kind"] == "true_false":
                answers[q["key"]] = True
        return ("POST", f"/api/v1/attempts/{a['id']}/submit", tok, {"answers": answers})

    with ThreadPoolExecutor(8) as pool:
        submit = list(pool.map(start, jobs))
    write_tsv(f"{out}/submit.tsv", submit)
    print(f"{len(submit)} attempts started")


def pick(base, address, password):
    tok = token(base, address, password)
    for e in call(base, "GET", "/api/v1/me/enrollments?per_page=100", tok)["items"]:
        p = e.get("progress") or {}
        if GENERATED.search(e["course_slug"]) and 0 < p.get("done", 0) < p.get("total", 0) and p.get("next_lesson"):
            print(e["course_slug"], p["next_lesson"])
            return
    sys.exit(f"{address} has no enrolment in progress")


def count(url, sql):
    if url.startswith("sqlite://"):
        import sqlite3
        path = url[len("sqlite://"):].split("?")[0]
        with sqlite3.connect(path, timeout=30) as db:
            print(db.execute(sql).fetchone()[0])
    else:
        print(subprocess.run(["psql", url, "-qAtX", "-c", sql], check=True, capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "prepare":
        prepare(args[0], args[1], int(args[2]), int(args[3]), int(args[4]))
    elif cmd == "lessons":
        complete(*args)
    elif cmd == "attempts":
        attempts(*args)
    elif cmd == "pick":
        pick(*args)
    elif cmd == "count":
        count(*args)
    else:
        sys.exit(__doc__)
