"""The new application version: starts before cutover and waits for its database with
'mig wait-ready', then checks its ORM history and writes. Prints one JSON line."""
import json
import sqlite3
import subprocess
import sys

jar, project = sys.argv[1:3]
wait = subprocess.run(["java", "-jar", jar, "wait-ready", "-d", project, "--timeout", "120s"],
                      capture_output=True, text=True)
if wait.returncode != 0:
    print(json.dumps({"exit": wait.returncode, "stderr": wait.stderr}))
    sys.exit(0)
db = wait.stdout.strip()
conn = sqlite3.connect(db, timeout=5, isolation_level=None)
history = [r[0] for r in conn.execute("SELECT name FROM django_migrations ORDER BY id")]
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO blog_post (title, body) VALUES ('written by v2', 'body')")
conn.execute("COMMIT")
print(json.dumps({"exit": 0, "db": db, "history": history}))
