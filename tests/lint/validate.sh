#!/bin/sh
# Validate `skillmatch lint` output against the published schemas: SARIF
# 2.1.0 (OASIS JSON schema) and JUnit XML (the strict Jenkins xunit XSD),
# both vendored in tests/lint/schemas/. Needs python3 with jsonschema and
# xmllint: installed through apt-get when missing and we are root, else
# the suite says it is skipped. Ends with "lint-validate: N passed, N failed".
#   tests/lint/validate.sh        (SKILLMATCH_BIN names the program)
SM=${SKILLMATCH_BIN:-matcher/skillmatch}
here=$(dirname "$0")
schemas=$here/schemas
pass=0 fail=0

find_python() {
    for py in /usr/bin/python3 python3; do
        command -v "$py" >/dev/null 2>&1 &&
            "$py" -c 'import jsonschema' 2>/dev/null && { echo "$py"; return; }
    done
}

py=$(find_python)
if { [ -z "$py" ] || ! command -v xmllint >/dev/null 2>&1; } &&
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "lint-validate: installing python3-jsonschema libxml2-utils"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq python3-jsonschema \
        libxml2-utils; } >/dev/null 2>&1
    py=$(find_python)
fi
if [ -z "$py" ] || ! command -v xmllint >/dev/null 2>&1; then
    echo "lint-validate: SKIPPED: needs python3 with jsonschema and xmllint"
    echo "lint-validate: (Debian: apt-get install python3-jsonschema libxml2-utils)"
    echo "lint-validate: 0 passed, 0 failed"
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a draft whose name needs escaping in a URI and in XML
odd="$tmp/odd name & <ü> 100%.md"
cp corpus/jobs/lint/junior-bad.md "$odd"
printf '# Junior ML Engineer\n\n- Lead ML projects end to end, "quoted" & <tagged>\n' \
    >"$tmp/quotes.md"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; sed 's/^/  /' "$tmp/why" | head -20; }

check_sarif() {   # name, lint arguments...
    name=$1; shift
    "$SM" lint -q --format sarif "$@" >"$tmp/out.sarif" 2>"$tmp/why"
    code=$?
    if [ $code -gt 1 ]; then bad "$name (exit $code)"; return; fi
    if "$py" - "$schemas/sarif-schema.json" "$tmp/out.sarif" >"$tmp/why" 2>&1 <<'EOF'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema, format_checker=jsonschema.FormatChecker())
                .iter_errors(doc), key=lambda e: list(e.path))
for e in errors[:10]:
    print("/".join(str(p) for p in e.path), e.message)
run = doc["runs"][0]
assert run["columnKind"] == "unicodeCodePoints", "columnKind"
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
for r in run["tool"]["driver"]["rules"]:
    for k in ("shortDescription", "fullDescription", "help"):
        assert r[k]["text"], k
for res in run["results"]:
    assert ids[res["ruleIndex"]] == res["ruleId"], "ruleIndex"
    art = res["locations"][0]["physicalLocation"]["artifactLocation"]
    if not art["uri"].startswith("file:"):
        assert art.get("uriBaseId") == "%SRCROOT%", "uriBaseId"
sys.exit(1 if errors else 0)
EOF
    then ok; else bad "$name"; fi
}

check_junit() {   # name, lint arguments...
    name=$1; shift
    "$SM" lint -q --format junit "$@" >"$tmp/out.xml" 2>"$tmp/why"
    code=$?
    if [ $code -gt 1 ]; then bad "$name (exit $code)"; return; fi
    if xmllint --noout --schema "$schemas/junit-10.xsd" "$tmp/out.xml" \
        >"$tmp/why" 2>&1; then ok; else bad "$name"; fi
}

check_sarif "sarif: every sample draft" corpus/jobs/lint
check_sarif "sarif: a clean draft" corpus/jobs/lint/senior-good.md
check_sarif "sarif: an odd file name" "$odd" "$tmp/quotes.md"
check_sarif "sarif: an absolute path" "$(pwd)/corpus/jobs/lint/mid-bad.md"
check_sarif "sarif: --level" --level senior corpus/jobs/lint/junior-bad.md
check_junit "junit: every sample draft" corpus/jobs/lint
check_junit "junit: a clean draft" corpus/jobs/lint/senior-good.md
check_junit "junit: an odd file name" "$odd" "$tmp/quotes.md"
check_junit "junit: --fail-on warning" --fail-on warning corpus/jobs/lint
check_junit "junit: --fail-on never" --fail-on never corpus/jobs/lint

echo "lint-validate: $pass passed, $fail failed"
[ $fail = 0 ]
