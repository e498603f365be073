"""A reader of the old database: counts a table's rows until told to stop, opening and closing the file
for every read (per_read=true) or on one connection."""
import os
import sqlite3
import sys
import time

db, table, stopfile, per_read = sys.argv[1:5]
per_read = per_read == "true"
c = None
while not os.path.exists(stopfile):
    try:
        c = c or sqlite3.connect(db, timeout=10, isolation_level=None)
        c.execute('SELECT count(*) FROM "%s"' % table.replace('"', '""')).fetchone()
    except sqlite3.Error:
        pass
    if per_read and c is not None:
        c.close()
        c = None
    time.sleep(0.02)
