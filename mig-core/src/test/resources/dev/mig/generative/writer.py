"""The application of the generative differential test: runs pre-generated transactions against the old
database, each on a connection of its own (or one connection for all), and logs every outcome, in commit
order, to the ack file: 'ack ID PHASE' once COMMIT returned, 'rolledback ID', 'skipped ID', 'failed ID MSG',
'rejected ID' (draining: retried until told to stop). The phase is what the harness wrote to the phase
file when the transaction began."""
import json
import os
import sqlite3
import sys
import time

txfile, db, ackfile, phasefile, stopfile, per_tx = sys.argv[1:7]
per_tx = per_tx == "true"
txs = json.load(open(txfile, encoding="utf-8"))
ack = open(ackfile, "a", encoding="utf-8", buffering=1)
shared = None


def connect():
    c = sqlite3.connect(db, timeout=10, isolation_level=None)
    c.execute("PRAGMA foreign_keys = ON")
    return c


def phase():
    try:
        with open(phasefile, encoding="utf-8") as f:
            return f.read().strip()
    except OSError:
        return "?"


def run(c, tx):
    if tx["begin"]:
        c.execute(tx["begin"])
    for s in tx["stmts"]:
        c.execute(s)
    if tx["end"]:
        c.execute(tx["end"])


for tx in txs:
    if os.path.exists(stopfile):
        break
    while True:
        p = phase()
        if tx["avoidCopy"] and p == "copy":
            ack.write("skipped %d\n" % tx["id"])
            break
        c = None
        try:
            c = shared or connect()
            if not per_tx:
                shared = c
            run(c, tx)
            ack.write(("ack %d %s\n" if tx["end"] != "ROLLBACK" else "rolledback %d %s\n") % (tx["id"], p))
            break
        except sqlite3.Error as e:
            try:
                c.execute("ROLLBACK")
            except Exception:
                pass
            msg = str(e).replace("\n", " ")
            if "draining" in msg and not os.path.exists(stopfile):
                ack.write("rejected %d\n" % tx["id"])
                time.sleep(0.02)
                continue
            ack.write("failed %d %s\n" % (tx["id"], msg))
            break
        finally:
            if per_tx and c is not None:
                c.close()
    time.sleep(0.003)
ack.write("done\n")
