#!/usr/bin/env python3
"""An integrator's session with the cadre-dispatch API, in Python 3 with the standard library only.

Every call goes to a path taken from the API's OpenAPI document (GET /openapi.json), found by its operationId
(the procedure's name, e.g. "schemes.list"); nothing below spells an API path except /openapi.json itself.

  1. sign in with an API token (Authorization: Bearer cdr_...) and say who we are (auth.me);
  2. list the scheme versions we may see (schemes.list);
  3. check a person's eligibility under a published scheme and print the explained verdict (eligibility.check);
  4. import a roster: rows as JSON, preview, commit, poll the job to its end.

  CADRE_BASE_URL=http://127.0.0.1:3000 CADRE_TOKEN=cdr_... python3 examples/integrator/cadre_integrator.py

Optional: CADRE_LANG (zh or en, default zh), CADRE_SCHEME (default yangpu-community-secretary),
CADRE_PERSON (a person id; default the first person profiles.list answers), CADRE_DATE (YYYY-MM-DD, default today).
Exit code 0 on success; on an API error the bilingual message is printed to stderr and the exit code is 1.
"""

import datetime
import json
import os
import random
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = os.environ.get("CADRE_BASE_URL", "http://127.0.0.1:3000").rstrip("/")
TOKEN = os.environ.get("CADRE_TOKEN", "")
LANG = "en" if os.environ.get("CADRE_LANG") == "en" else "zh"
SCHEME_ID = os.environ.get("CADRE_SCHEME", "yangpu-community-secretary")
REQUEST_PREFIX = os.environ.get("CADRE_REQUEST_ID_PREFIX", "py")

_counter = 0


class ApiError(Exception):
    """An error answer of the API: HTTP status, tag and the message in both languages."""

    def __init__(self, status, body):
        data = (body or {}).get("error", {}).get("data", {}) if isinstance(body, dict) else {}
        self.status = status
        self.tag = data.get("tag", "?")
        self.message = data.get("message", {"zh": str(body), "en": str(body)})
        self.request_id = data.get("requestId")
        super().__init__(f"{status} {self.tag}: {self.message.get('zh')} / {self.message.get('en')}")


def http(method, url, body=None, auth=True):
    """One request; the decoded JSON answer, or ApiError with the API's bilingual message."""
    global _counter
    _counter += 1
    headers = {"Accept": "application/json", "x-lang": LANG, "X-Request-Id": f"{REQUEST_PREFIX}-{_counter}"}
    if auth:
        headers["Authorization"] = f"Bearer {TOKEN}"
    data = None
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raw = error.read().decode("utf-8", "replace")
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = raw
        raise ApiError(error.code, parsed) from None


class Api:
    """The operations of the OpenAPI document, called by operationId."""

    def __init__(self, document):
        self.version = document["info"]["version"]
        self.operations = {}
        for path, item in document["paths"].items():
            for method, operation in item.items():
                self.operations[operation["operationId"]] = (method.upper(), path, operation)

    def has(self, operation_id):
        return operation_id in self.operations

    def call(self, operation_id, arguments=None):
        method, path, operation = self.operations[operation_id]
        arguments = arguments or {}
        url = BASE + path
        if method == "GET":
            # The document's rule: one query parameter per top-level field; a parameter with a `content` (an
            # object, an array) or a non-string value travels as JSON text, a string as it is.
            pairs = []
            for parameter in operation.get("parameters", []):
                name = parameter["name"]
                if name not in arguments:
                    continue
                value = arguments[name]
                if "content" in parameter or not isinstance(value, str):
                    value = json.dumps(value, ensure_ascii=False)
                pairs.append((name, value))
            if pairs:
                url += "?" + urllib.parse.urlencode(pairs)
            return http("GET", url)
        return http(method, url, body=arguments)


def new_id_number(address: str, birth: str) -> str:
    """A citizen ID number (GB 11643-1999) for the address code and birth date, with a random sequence code."""
    first17 = f"{address}{birth}{random.randint(100, 999)}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def main():
    if not TOKEN:
        print("CADRE_TOKEN is not set: an API token (cdr_...) issued by an admin", file=sys.stderr)
        return 2
    document = http("GET", BASE + "/openapi.json", auth=False)
    api = Api(document)
    print(f"openapi {document['openapi']}, API version {api.version}, {len(api.operations)} operation(s)")

    # 1. Who we are (the token's account).
    me = api.call("auth.me")
    print(f"signed in as {me['displayName']} ({me['role']}, scope {me['scopePath']})")

    # 2. The scheme versions we may see.
    schemes = api.call("schemes.list", {})
    print(f"{len(schemes)} scheme version(s) visible:")
    for s in schemes:
        print(f"  {s['schemeId']} v{s['version']} {s['status']} from {s['effectiveFrom']} - {s['name'][LANG]}")

    # 3. One person's eligibility under the latest published version of the scheme, explained.
    published = [s for s in schemes if s["schemeId"] == SCHEME_ID and s["status"] == "published"]
    if not published:
        print(f"no published version of {SCHEME_ID} is visible", file=sys.stderr)
        return 1
    version = max(s["version"] for s in published)
    person_id = os.environ.get("CADRE_PERSON")
    if not person_id:
        # One page of people (issue 19): { items, nextCursor, total, totalExact }.
        people = api.call("profiles.list", {"limit": 5})["items"]
        if not people:
            print("no person in scope", file=sys.stderr)
            return 1
        person_id = people[0]["id"]
    reference_date = os.environ.get("CADRE_DATE") or datetime.date.today().isoformat()
    verdict = api.call(
        "eligibility.check",
        {"schemeId": SCHEME_ID, "version": version, "personId": person_id, "referenceDate": reference_date},
    )
    print(f"eligibility of {person_id} under {SCHEME_ID} v{version} on {reference_date}: {verdict['outcome']}")
    for finding in verdict["findings"]:
        citation = finding.get("citation") or {}
        clause = " ".join(str(citation.get(k, "")) for k in ("document", "clause")).strip()
        print(f"  [{finding['status']}] {finding['ruleId']}: {finding['message'][LANG]} ({clause})")

    # 4. Import a roster as an HR system would: rows as JSON (the template's columns), then preview, commit and
    #    poll the job to its end. The person is new on each run (an ID number with its GB 11643 check character).
    units = api.call("units.list", {"limit": 1})["items"]
    if not units:
        print("no unit in scope: roster import skipped", file=sys.stderr)
        return 1
    id_number = new_id_number("310110", "19850101")
    job = api.call(
        "imports.submitRows",
        {
            "rows": [
                {
                    "name": "对接导入",
                    "sex": "男" if int(id_number[16]) % 2 == 1 else "女",
                    "birthDate": "1985-01-01",
                    "idNumber": id_number,
                    "partyJoined": "2008-06-01",
                    "fullMemberSince": "2009-06-01",
                    "education": "大学本科",
                    "fullTime": "是",
                    "workStarted": "2007-07-01",
                    "unit": units[0]["name"],
                    "employment": "公务员",
                }
            ]
        },
    )
    preview = api.call("imports.preview", {"jobId": job["id"]})
    counts = preview["counts"]
    print(
        f"roster import {job['id']}: {counts['new']} new, {counts['changed']} changed, "
        f"{counts['unchanged']} unchanged, {counts['invalid']} with errors"
    )
    if counts["invalid"] > 0:
        for row in api.call("imports.rows", {"jobId": job["id"], "onlyErrors": True})["rows"]:
            for e in row["errors"]:
                print(f"  row {row['rowNo']} {e['column']} {e['value']!r}: {e[LANG]}", file=sys.stderr)
        return 1
    status = api.call("imports.commit", {"jobId": job["id"], "mode": "all_or_nothing"})
    deadline = time.monotonic() + 60
    while status["status"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.5)
        status = api.call("imports.status", {"jobId": job["id"]})
    print(f"roster import {status['status']}: {status['done']}/{status['total']} row(s)")
    if status["status"] != "done":
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except ApiError as error:
        print(f"API error {error}", file=sys.stderr)
        sys.exit(1)
    except urllib.error.URLError as error:
        print(f"cannot reach {BASE}: {error.reason}", file=sys.stderr)
        sys.exit(1)
