#!/usr/bin/env python3
"""A sample text resume of corpus/resumes/ -> the same resume as resume.json
(the JSON Resume schema), for the fixtures of tests/formats/same/. Knows the
shape of those samples (CAPITALS headings, a job's title line followed by a
date line, bullets); not a general converter.
    tools/txt2jsonresume.py RESUME.txt > RESUME.resume.json"""
import json, re, sys

MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()

def date(s):
    s = s.strip()
    if re.fullmatch(r"(?i)present|now|current", s):
        return None
    m = re.fullmatch(r"([A-Za-z]{3})[a-z]*\.? (\d{4})", s)
    if m:
        return "%s-%02d" % (m.group(2), MONTHS.index(m.group(1).lower()) + 1)
    m = re.fullmatch(r"\d{4}", s)
    return s if m else False

def daterange(line):
    parts = re.split(r"\s+[–-]\s+", line.strip())
    if len(parts) != 2:
        return None
    a, b = date(parts[0]), date(parts[1])
    if not a or b is False:
        return None
    return a, b

def items(lines):
    """Bullets (or plain lines) with their indented continuations."""
    out = []
    for l in lines:
        if not l.strip():
            continue
        if l.startswith(" ") and out:
            out[-1] += "\n" + l.strip()
        else:
            out.append(re.sub(r"^[•*]\s*", "", l.strip()))
    return out

def convert(text):
    lines = text.rstrip("\n").split("\n")
    sections, cur = [], None
    head = []
    for l in lines:
        if re.fullmatch(r"[A-Z][A-Z &]+", l) and len(sections) + len(head) > 2:
            cur = (l, [])
            sections.append(cur)
        elif cur is None:
            head.append(l)
        else:
            cur[1].append(l)
    basics = {"name": head[0], "label": head[1]}
    contact = [p.strip() for p in re.split(r"\s+[|•]\s+", head[2])] if len(head) > 2 else []
    profiles = []
    for p in contact:
        if "@" in p:
            basics["email"] = p
        elif re.search(r"\(\d{3}\)", p):
            basics["phone"] = p
        elif "/" in p:
            profiles.append({"url": p})
        else:
            basics["location"] = {"city": p}
    if profiles:
        basics["profiles"] = profiles
    r = {"basics": basics}
    for title, body in sections:
        while body and not body[-1].strip():
            body.pop()
        if title == "SUMMARY":
            basics["summary"] = "\n".join(body)
        elif "EXPERIENCE" in title:
            work, job = [], None
            for i, l in enumerate(body):
                nxt = body[i + 1] if i + 1 < len(body) else ""
                if l.strip() and not l.startswith((" ", "•")) and daterange(nxt):
                    m = re.split(r"\s+—\s+|,\s+", l, maxsplit=1)
                    job = {"position": m[0], "name": m[1] if len(m) > 1 else ""}
                    a, b = daterange(nxt)
                    job["startDate"] = a
                    if b:
                        job["endDate"] = b
                    job["_lines"] = []
                    work.append(job)
                elif job is not None and not daterange(l):
                    job["_lines"].append(l)
            for job in work:
                job["highlights"] = items(job.pop("_lines"))
            r["work"] = work
        elif "SKILLS" in title:
            sk = []
            for it in items(body):
                m = re.match(r"([^:.]+?)(?::\s*|\s*\.{2,}\s*)(.*)", it, re.S)
                if m:
                    sk.append({"name": m.group(1).strip(), "keywords": [m.group(2)]})
                else:
                    sk.append({"name": it})
            r["skills"] = sk
        elif title == "PROJECTS":
            r["projects"] = [{"name": it} for it in items(body)]
        elif title.startswith("PUBLICATIONS"):
            r["publications"] = [{"name": it} for it in items(body)]
        elif title == "EDUCATION":
            r["education"] = [{"institution": it} for it in items(body)]
        elif title == "CERTIFICATIONS":
            r["certificates"] = [{"name": it} for it in items(body)]
        elif title == "INTERESTS":
            r["interests"] = [{"name": it} for it in items(body)]
        else:
            raise SystemExit("unknown heading: " + title)
    return r

print(json.dumps(convert(open(sys.argv[1], encoding="utf-8").read()),
                 indent=2, ensure_ascii=False))
