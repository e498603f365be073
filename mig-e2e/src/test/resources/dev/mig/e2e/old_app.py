"""The old application version, shaped like a Django app: a connection per request, each request one
deferred transaction that reads and then writes (Django's atomic()), retried whole on SQLITE_BUSY as
the README advises. It finds its database with 'mig path' and stops at the draining rejection, as an
old version hands over. Prints every post whose commit it saw succeed: the oracle's input."""
import os
import sqlite3
import subprocess
import sys
import time

jar, project, acked_file, stop_file = sys.argv[1:5]
db = subprocess.run(["java", "-jar", jar, "path", "-d", project], capture_output=True, text=True,
                    check=True).stdout.strip()
acked = open(acked_file, "w")
rejected = busy = 0
i = 0
while not os.path.exists(stop_file) and not rejected:
    i += 1
    headline = "post %d" % i
    conn = sqlite3.connect(db, timeout=5, isolation_level=None)
    try:
        for attempt in range(100):
            try:
                conn.execute("BEGIN")
                conn.execute("SELECT count(*) FROM blog_post").fetchone()
                conn.execute("INSERT INTO blog_post (headline, body) VALUES (?, ?)", (headline, "body"))
                conn.execute("COMMIT")
                acked.write(headline + "\n")
                acked.flush()
                break
            except sqlite3.IntegrityError as e:
                conn.execute("ROLLBACK")
                if str(e).startswith("mig: writes are paused"):
                    rejected += 1
                    break
                raise
            except sqlite3.OperationalError as e:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if e.sqlite_errorname not in ("SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT"):
                    raise
                busy += 1
                time.sleep(0.005)
    finally:
        conn.close()
    time.sleep(0.005)
print("old-app db=%s acked=%d busy_retries=%d rejected=%d" % (db, i - rejected, busy, rejected))
