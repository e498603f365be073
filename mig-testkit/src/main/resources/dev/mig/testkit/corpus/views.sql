-- Views: column lists, joins, CTEs, window functions, compound selects, views over views.
CREATE TABLE sales (
    id      INTEGER PRIMARY KEY,
    region  TEXT NOT NULL,
    sold_on TEXT NOT NULL,
    amount  INTEGER NOT NULL
);

CREATE TABLE returns (
    id      INTEGER PRIMARY KEY,
    sale_id INTEGER NOT NULL REFERENCES sales (id),
    amount  INTEGER NOT NULL
);

CREATE VIEW region_totals (region, total, sales_count) AS
    SELECT region, sum(amount), count(*) FROM sales GROUP BY region;

CREATE VIEW ranked_sales AS
    SELECT id, region, amount,
           rank() OVER (PARTITION BY region ORDER BY amount DESC) AS rnk
    FROM sales;

CREATE VIEW monthly (month, net) AS
    WITH s AS (SELECT substr(sold_on, 1, 7) AS m, amount FROM sales),
         r AS (SELECT substr(s2.sold_on, 1, 7) AS m, -r.amount AS amount
               FROM returns r JOIN sales s2 ON s2.id = r.sale_id)
    SELECT m, sum(amount) FROM (SELECT * FROM s UNION ALL SELECT * FROM r) GROUP BY m;

CREATE VIEW big_regions AS SELECT region FROM region_totals WHERE total > 1000 /* a view over a view */;

CREATE VIEW "all regions" AS
    SELECT DISTINCT region AS "Region name" FROM sales
    UNION
    SELECT 'none' ORDER BY 1 LIMIT 100;

INSERT INTO sales VALUES (1, 'north', '2024-01-05', 700), (2, 'north', '2024-01-09', 500), (3, 'south', '2024-02-01', 50);
INSERT INTO returns VALUES (1, 3, 20);
