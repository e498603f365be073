#!/usr/bin/env python3
"""The GitHub Action's logic: run 'mig plan', keep its SARIF and Markdown, comment once on the pull request.

Reads the action's inputs from MIG_ACTION_* and GitHub's own GITHUB_* variables, so that a test can run it
anywhere with a fake environment and a fake API. Steps:

1. mig plan -d DIR --source DATABASE --out sarif=... --out markdown=... --fail-on LEVEL [--rules ...]
   (one plan, three reports: the text goes to the log).
2. The Markdown goes to the job summary and, on a pull request, into one comment, found again by its
   marker and updated on every push instead of adding another.
3. Outputs for later steps (sarif, markdown, exit-code, verdict), then exit with mig's exit code, so the
   step fails per --fail-on only after every report is out.

Only the standard library: the runner's python3 is enough.
"""
import json
import os
import shlex
import subprocess
import sys
import urllib.error
import urllib.request

MARKER = "<!-- mig-plan -->"
# GitHub refuses comments over 65,536 characters; a plan of hundreds of tables can get there.
MAX_COMMENT = 60000


def env(name, default=""):
    value = os.environ.get(name, default)
    return value.strip() if value else default


def workspace():
    return os.path.abspath(env("GITHUB_WORKSPACE", os.getcwd()))


def rules_url():
    """specs/rules.md where the action came from, for SARIF's help links; none when that is unknown (uses: ./)."""
    repository, ref = env("MIG_ACTION_REPOSITORY"), env("MIG_ACTION_REF")
    if not repository or not ref:
        return ""
    return "%s/%s/blob/%s/specs/rules.md" % (env("MIG_ACTION_SERVER", "https://github.com"), repository, ref)


def run_plan(out_dir):
    mig = shlex.split(env("MIG", "mig"))
    project = os.path.join(workspace(), env("MIG_ACTION_DIR", "."))
    database = os.path.join(workspace(), env("MIG_ACTION_DATABASE"))
    sarif = os.path.join(out_dir, "mig.sarif")
    markdown = os.path.join(out_dir, "mig-plan.md")
    summary = os.path.join(out_dir, "mig-plan.json")
    for stale in (sarif, markdown, summary):
        if os.path.exists(stale):
            os.remove(stale)
    args = mig + ["plan", "-d", project, "--source", database, "--no-progress",
                  "--fail-on", env("MIG_ACTION_FAIL_ON", "error"),
                  "--sarif-base", workspace(),
                  "--out", "sarif=" + sarif, "--out", "markdown=" + markdown, "--out", "json=" + summary]
    if env("MIG_ACTION_RULES"):
        args += ["--rules", env("MIG_ACTION_RULES")]
    if rules_url():
        args += ["--rules-url", rules_url()]
    print("+ " + " ".join(shlex.quote(a) for a in args), flush=True)
    done = subprocess.run(args, cwd=workspace(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sys.stdout.write(done.stdout)
    sys.stderr.write(done.stderr)
    return done, sarif, markdown, summary


def failure_comment(done):
    """What the pull request sees when mig could not plan at all (bad input, runtime failure)."""
    advice = {2: "Fix the input it names and push again.",
              3: "The database or the runner failed; run the job again, and see the log if it persists."}
    return (MARKER + "\n### mig plan could not run (exit " + str(done.returncode) + ")\n\n```\n"
            + done.stderr.strip() + "\n```\n\n" + advice.get(done.returncode, "See the job's log.")
            + " Nothing was migrated.\n")


def fit(body):
    """The comment within GitHub's size limit: cut at a line, with where to read the rest."""
    if len(body) <= MAX_COMMENT:
        return body
    cut = body.rfind("\n", 0, MAX_COMMENT)
    return body[:cut] + "\n\n*Cut here to fit a comment: the whole report is in the job summary.*\n"


def pull_request_number():
    path = env("GITHUB_EVENT_PATH")
    if not path or not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        event = json.load(f)
    pr = event.get("pull_request") or {}
    return pr.get("number")


def api(method, path, body=None):
    url = env("GITHUB_API_URL", "https://api.github.com").rstrip("/") + path
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": "Bearer " + env("GITHUB_TOKEN"),
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
        "Content-Type": "application/json",
        "User-Agent": "mig-plan-action",
    })
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode("utf-8")
        return json.loads(text) if text else None


def comment(number, body):
    """Updates this project's comment when there is one, else adds it. Returns 'created' or 'updated'.

    A comment is this project's when it starts with its identity line, which only this script writes at
    the start of a comment (someone quoting it writes '>' first)."""
    repo = env("GITHUB_REPOSITORY")
    identity = "<!-- mig-plan-dir: " + env("MIG_ACTION_DIR", ".") + " -->"
    body = identity + "\n" + fit(body)
    page = 1
    while True:
        comments = api("GET", "/repos/%s/issues/%s/comments?per_page=100&page=%d" % (repo, number, page)) or []
        for c in comments:
            if (c.get("body") or "").startswith(identity):
                api("PATCH", "/repos/%s/issues/comments/%s" % (repo, c["id"]), {"body": body})
                return "updated"
        if len(comments) < 100:
            break
        page += 1
    api("POST", "/repos/%s/issues/%s/comments" % (repo, number), {"body": body})
    return "created"


def set_outputs(values):
    path = env("GITHUB_OUTPUT")
    if path:
        with open(path, "a", encoding="utf-8") as f:
            for key, value in values.items():
                f.write("%s=%s\n" % (key, value))


def main():
    if not env("MIG_ACTION_DATABASE"):
        print("::error::mig plan needs the 'database' input: the snapshot or fixture to plan against.")
        return 2
    out_dir = env("RUNNER_TEMP") or workspace()
    done, sarif, markdown, summary = run_plan(out_dir)
    planned = os.path.exists(markdown)
    body = open(markdown, encoding="utf-8").read() if planned else failure_comment(done)
    verdict = ""
    if os.path.exists(summary):
        with open(summary, encoding="utf-8") as f:
            report = json.load(f)
        verdict = "current" if report.get("targetCurrent") else ("ready" if report.get("canMigrate") else "blocked")
    step_summary = env("GITHUB_STEP_SUMMARY")
    if step_summary:
        with open(step_summary, "a", encoding="utf-8") as f:
            f.write(body + "\n")
    # Outputs first: whatever happens to the comment, the SARIF upload and the exit code must not be lost.
    set_outputs({"exit-code": done.returncode, "verdict": verdict,
                 "sarif": sarif if os.path.exists(sarif) else "", "markdown": markdown if planned else ""})
    number = pull_request_number()
    if number is not None and env("MIG_ACTION_COMMENT", "true").lower() == "true":
        try:
            print("Comment " + comment(number, body) + " on pull request #" + str(number))
        except Exception as e:  # noqa: BLE001 - a failed comment must not fail the plan's verdict
            print("::warning::could not comment on pull request #%s: %s (does the token have pull-requests: "
                  "write?)" % (number, e))
    if done.returncode == 1:
        print("::error::mig plan found what --fail-on %s fails on: see the comment or the job summary."
              % env("MIG_ACTION_FAIL_ON", "error"))
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
