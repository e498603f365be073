# A reader that opens and closes the database continually, as monitoring scripts and
# short-lived request handlers do. Usage: open_close_reader.py DB TABLE STOP_FILE
import os, sqlite3, sys, time

db, table, stop = sys.argv[1], sys.argv[2], sys.argv[3]
while not os.path.exists(stop):
    try:
        c = sqlite3.connect(db, timeout=5)
        c.execute('SELECT count(*) FROM "%s"' % table).fetchone()
        c.close()
    except sqlite3.Error:
        pass
    time.sleep(0.01)
