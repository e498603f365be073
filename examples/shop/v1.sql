-- Version 1 of the shop's schema and a few dozen rows: the database the application runs on today.
-- shop-<hash>.sqlite is made from this script (see README.md); <hash> is the SchemaHash of this schema.
PRAGMA foreign_keys = ON;

CREATE TABLE customers (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    email      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    fax        TEXT,
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    sku         TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0)
);

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    status      TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid', 'shipped', 'cancelled')),
    placed_at   TEXT NOT NULL
);

CREATE TABLE order_items (
    id               INTEGER PRIMARY KEY,
    order_id         INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id       INTEGER NOT NULL REFERENCES products (id),
    quantity         INTEGER NOT NULL CHECK (quantity > 0),
    unit_price_cents INTEGER NOT NULL
);

CREATE INDEX orders_by_customer ON orders (customer_id, placed_at);
CREATE INDEX order_items_by_order ON order_items (order_id);

INSERT INTO customers (id, name, email, fax, created_at) VALUES
    (1, 'Ada Lovelace',     'ada@example.org',     NULL,          '2024-01-03 09:12:00'),
    (2, 'Grace Hopper',     'grace@example.org',   '+1 555 0101', '2024-01-05 14:40:00'),
    (3, 'Alan Turing',      'alan@example.org',    NULL,          '2024-02-11 08:02:00'),
    (4, 'Edsger Dijkstra',  'edsger@example.org',  '+31 20 5550', '2024-02-20 17:30:00'),
    (5, 'Barbara Liskov',   'barbara@example.org', NULL,          '2024-03-01 10:00:00'),
    (6, 'Donald Knuth',     'don@example.org',     NULL,          '2024-03-14 15:09:00');

INSERT INTO products (id, sku, title, price_cents) VALUES
    (1, 'MUG-01',  'Mug, 350 ml',          1200),
    (2, 'TEE-M',   'T-shirt, size M',      2500),
    (3, 'TEE-L',   'T-shirt, size L',      2500),
    (4, 'BOOK-01', 'The Art of SQL',       3900),
    (5, 'STK-10',  'Stickers, pack of 10',  400),
    (6, 'CAP-01',  'Cap',                  1800);

INSERT INTO orders (id, customer_id, status, placed_at) VALUES
    (1, 1, 'shipped',   '2024-03-02 10:00:00'),
    (2, 2, 'shipped',   '2024-03-05 11:30:00'),
    (3, 1, 'paid',      '2024-03-20 09:45:00'),
    (4, 3, 'cancelled', '2024-03-21 16:20:00'),
    (5, 4, 'paid',      '2024-04-01 08:05:00'),
    (6, 5, 'new',       '2024-04-02 19:00:00'),
    (7, 6, 'new',       '2024-04-03 07:55:00'),
    (8, 2, 'paid',      '2024-04-03 12:10:00');

INSERT INTO order_items (id, order_id, product_id, quantity, unit_price_cents) VALUES
    (1,  1, 1, 2, 1200),
    (2,  1, 5, 1,  400),
    (3,  2, 4, 1, 3500),
    (4,  3, 2, 1, 2500),
    (5,  3, 3, 1, 2500),
    (6,  3, 6, 1, 1800),
    (7,  4, 1, 4, 1200),
    (8,  5, 4, 2, 3900),
    (9,  6, 5, 3,  400),
    (10, 6, 1, 1, 1200),
    (11, 7, 6, 2, 1800),
    (12, 8, 2, 1, 2500),
    (13, 8, 5, 2,  400);
