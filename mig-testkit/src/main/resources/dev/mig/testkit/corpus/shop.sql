-- A shop with composite keys and money stored as DECIMAL.
PRAGMA application_id = 1397706824;

CREATE TABLE customers (
    customer_id INTEGER PRIMARY KEY,
    email       VARCHAR(255) NOT NULL UNIQUE,
    name        VARCHAR(100) NOT NULL,
    country     CHAR(2)      NOT NULL DEFAULT 'US'
);

CREATE TABLE products (
    sku         VARCHAR(32) PRIMARY KEY,
    title       VARCHAR(255) NOT NULL,
    price       DECIMAL(10, 2) NOT NULL CHECK (price >= 0),
    weight_g    UNSIGNED BIG INT,
    active      BOOLEAN NOT NULL DEFAULT 1
);

CREATE TABLE orders (
    order_id    INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    placed_at   DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    status      TEXT NOT NULL DEFAULT 'new',
    FOREIGN KEY (customer_id) REFERENCES customers (customer_id) ON DELETE RESTRICT
);

CREATE TABLE order_items (
    order_id  INTEGER NOT NULL,
    line_no   INTEGER NOT NULL,
    sku       VARCHAR(32) NOT NULL REFERENCES products (sku),
    quantity  INTEGER NOT NULL CHECK (quantity > 0),
    unit_price DECIMAL(10, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no),
    FOREIGN KEY (order_id) REFERENCES orders (order_id) ON DELETE CASCADE
);

CREATE TABLE shipments (
    shipment_id INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL,
    line_no     INTEGER NOT NULL,
    carrier     TEXT,
    FOREIGN KEY (order_id, line_no) REFERENCES order_items (order_id, line_no) ON DELETE CASCADE
);

CREATE TABLE warehouses (code TEXT NOT NULL, region TEXT NOT NULL, PRIMARY KEY (region, code)) WITHOUT ROWID;

CREATE TABLE stock (
    region TEXT NOT NULL,
    code   TEXT NOT NULL,
    sku    VARCHAR(32) NOT NULL REFERENCES products,
    on_hand INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (region, code, sku),
    FOREIGN KEY (region, code) REFERENCES warehouses (region, code)
) WITHOUT ROWID;

CREATE UNIQUE INDEX orders_customer_time ON orders (customer_id, placed_at);
CREATE INDEX order_items_sku ON order_items (sku);

CREATE VIEW order_totals (order_id, total) AS
    SELECT order_id, sum(quantity * unit_price) FROM order_items GROUP BY order_id;

INSERT INTO customers VALUES (1, 'a@example.com', 'A', 'DE');
INSERT INTO products VALUES ('SKU-1', 'Mug', 9.5, 350, 1), ('SKU-2', 'Pen', 1.25, 20, 1);
INSERT INTO orders (order_id, customer_id) VALUES (100, 1);
INSERT INTO order_items VALUES (100, 1, 'SKU-1', 2, 9.5), (100, 2, 'SKU-2', 10, 1.25);
