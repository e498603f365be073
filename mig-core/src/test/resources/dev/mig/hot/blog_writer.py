"""An application writing the blog fixture (dev.mig.hot.Blog, v1) from its own process, one connection
per transaction (as CGI, PHP or cron jobs do): new authors with posts and comment threads, replies, key
changes of authors, posts and comments (cascading to their children, and to a thread's replies), deletes
(cascading), title changes.

Usage: blog_writer.py DB SEED SECONDS
Prints "ready", then "ops N" every 10 committed transactions. Stops after SECONDS, or once 20 writes were
refused because mig is draining; then prints "stats OPS REJECTED" and one "error ..." line per other
failure, and exits 0.
"""
import random
import sqlite3
import sys
import time

DRAINING = "writes are paused while a migration completes"


def one(conn, sql, *args):
    row = conn.execute(sql, args).fetchone()
    return None if row is None else row[0]


def some_id(conn, rnd, table):
    top = one(conn, "SELECT max(id) FROM " + table)
    if top is None:
        return None
    return one(conn, "SELECT id FROM " + table + " WHERE id >= ? ORDER BY id LIMIT 1", rnd.randint(0, top))


def next_id(conn, table):
    return (one(conn, "SELECT max(id) FROM " + table) or 0) + 1


def new_author(conn, rnd, tag):
    author = next_id(conn, "authors")
    conn.execute("INSERT INTO authors (id, name) VALUES (?, ?)", (author, "author " + tag))
    for p in range(rnd.randint(1, 3)):
        post = next_id(conn, "posts")
        conn.execute("INSERT INTO posts (id, author_id, title) VALUES (?, ?, ?)", (post, author, "post %s.%d" % (tag, p)))
        root = next_id(conn, "comments")
        conn.execute("INSERT INTO comments (id, post_id, thread_id, body) VALUES (?, ?, ?, ?)",
                     (root, post, root, "root %s.%d" % (tag, p)))


def reply(conn, rnd, tag):
    to = some_id(conn, rnd, "comments")
    if to is not None:
        conn.execute("INSERT INTO comments (post_id, thread_id, body) SELECT post_id, thread_id, ? FROM comments "
                     "WHERE id = ?", ("reply " + tag, to))


def rekey(conn, rnd, table):
    old = some_id(conn, rnd, table)
    if old is not None:
        conn.execute("UPDATE " + table + " SET id = ? WHERE id = ?", (next_id(conn, table) + rnd.randint(0, 5), old))


def delete_author(conn, rnd, tag):
    author = some_id(conn, rnd, "authors")
    if author is not None:
        conn.execute("DELETE FROM authors WHERE id = ?", (author,))


def retitle(conn, rnd, tag):
    post = some_id(conn, rnd, "posts")
    if post is not None:
        conn.execute("UPDATE posts SET title = ? WHERE id = ?", ("title " + tag, post))


ACTIONS = [
    (new_author, 4),
    (reply, 4),
    (lambda c, r, t: rekey(c, r, "authors"), 2),
    (lambda c, r, t: rekey(c, r, "posts"), 2),
    (lambda c, r, t: rekey(c, r, "comments"), 2),
    (retitle, 2),
    (delete_author, 1),
]


def main():
    db, seed, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    rnd = random.Random(seed)
    actions = [a for a, weight in ACTIONS for _ in range(weight)]
    ops = rejected = 0
    errors = []
    deadline = time.monotonic() + seconds
    print("ready", flush=True)
    while time.monotonic() < deadline and rejected < 20:
        conn = sqlite3.connect(db, timeout=10, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("BEGIN IMMEDIATE")
            for i in range(rnd.randint(1, 3)):
                rnd.choice(actions)(conn, rnd, "%d.%d.%d" % (seed, ops, i))
            conn.execute("COMMIT")
            ops += 1
            if ops % 10 == 0:
                print("ops %d" % ops, flush=True)
        except sqlite3.Error as e:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if DRAINING in str(e):
                rejected += 1
            else:
                errors.append(str(e))
        finally:
            conn.close()
        time.sleep(0.002)  # an application that writes all the time, yet not a single tight loop holding the lock
    print("stats %d %d" % (ops, rejected), flush=True)
    for e in errors:
        print("error " + e.replace("\n", " "), flush=True)


main()
