# An application that opens one connection per write, as PHP, CGI and cron jobs do.
# Usage: insert_per_connection.py DB TABLE STOP_FILE
# Inserts rows (name) one per connection until STOP_FILE exists; prints "ok ID" for each insert
# whose COMMIT returned, and "fail MESSAGE" for each refused one.
import os, sqlite3, sys, time

db, table, stop = sys.argv[1], sys.argv[2], sys.argv[3]
n = 0
while not os.path.exists(stop):
    n += 1
    c = sqlite3.connect(db, timeout=5, isolation_level=None)
    try:
        c.execute("BEGIN IMMEDIATE")
        cur = c.execute('INSERT INTO "%s"(name) VALUES (?)' % table, ("w%d" % n,))
        c.execute("COMMIT")
        print("ok %d" % cur.lastrowid, flush=True)
    except sqlite3.Error as e:
        if c.in_transaction:
            c.execute("ROLLBACK")
        print("fail %s" % str(e).replace("\n", " "), flush=True)
        time.sleep(0.005)
    finally:
        c.close()
    time.sleep(0.002)  # a request's own work: a tight loop would starve every other writer of the lock
