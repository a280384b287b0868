-- ratecard price intervals from 2026-10-01T00:00:00Z to 2027-02-01T00:00:00Z: start inclusive, end exclusive, UTC;
-- prices per 1M tokens, exact. Standard SQL (DuckDB, PostgreSQL).
CREATE TABLE ratecard_intervals (
  "model" VARCHAR(255) NOT NULL,
  "billed_as" VARCHAR(255),
  "start" TIMESTAMP NOT NULL,
  "end" TIMESTAMP NOT NULL,
  "window" VARCHAR(255),
  "currency" VARCHAR(255) NOT NULL,
  "input_cache_hit" DECIMAL(38,12) NOT NULL,
  "input_cache_miss" DECIMAL(38,12) NOT NULL,
  "output" DECIMAL(38,12) NOT NULL,
  "input_cache_write" DECIMAL(38,12) NOT NULL,
  "input_cache_write_1h" DECIMAL(38,12),
  "fee_fetch" DECIMAL(38,12),
  "fee_search" DECIMAL(38,12),
  "tier1_above" BIGINT,
  "tier1_input_cache_hit" DECIMAL(38,12),
  "tier1_input_cache_miss" DECIMAL(38,12),
  "tier1_output" DECIMAL(38,12),
  "tier1_input_cache_write" DECIMAL(38,12),
  "tier1_input_cache_write_1h" DECIMAL(38,12)
);
INSERT INTO ratecard_intervals ("model", "billed_as", "start", "end", "window", "currency", "input_cache_hit", "input_cache_miss", "output", "input_cache_write", "input_cache_write_1h", "fee_fetch", "fee_search", "tier1_above", "tier1_input_cache_hit", "tier1_input_cache_miss", "tier1_output", "tier1_input_cache_write", "tier1_input_cache_write_1h") VALUES
('test-large', NULL, TIMESTAMP '2026-10-01 00:00:00', TIMESTAMP '2026-10-17 00:00:00', NULL, 'USD', 0.3, 3, 15, 3.75, 6, NULL, 0.01, 200000, 0.6, 6, 22.5, 7.5, 12),
('test-large', NULL, TIMESTAMP '2026-10-17 00:00:00', TIMESTAMP '2027-02-01 00:00:00', NULL, 'USD', 0.3, 3, 15, 3.75, 6, 0.00075, 0.01, 200000, 0.6, 6, 22.5, 7.5, 12),
('test-small', NULL, TIMESTAMP '2026-10-01 00:00:00', TIMESTAMP '2026-10-17 00:00:00', NULL, 'USD', 0.1, 1, 4, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
('test-small', NULL, TIMESTAMP '2026-10-17 00:00:00', TIMESTAMP '2027-01-01 00:00:00', NULL, 'USD', 0.1, 1, 4, 1, NULL, 0.00075, 0.00075, NULL, NULL, NULL, NULL, NULL, NULL),
('test-small', NULL, TIMESTAMP '2027-01-01 00:00:00', TIMESTAMP '2027-02-01 00:00:00', NULL, 'USD', 0.1, 1, 4, 1, NULL, 0.00075, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE TABLE ratecard_model_names (
  "name" VARCHAR(255) NOT NULL,
  "model" VARCHAR(255) NOT NULL
);
INSERT INTO ratecard_model_names ("name", "model") VALUES
('test-large', 'test-large'),
('test-large-20260101', 'test-large'),
('test-small', 'test-small'),
('testco/test-large', 'test-large'),
('testco/test-large-20260101', 'test-large'),
('testco/test-small', 'test-small');

-- Every record of usage(model, ts, cache_hit, cache_miss, output, cache_write, cache_write_1h, requests_fetch, requests_search, ...) priced at its instant (ts in UTC):
-- the logged model name (bare id, provider/id or snapshot id) to its model, then one range join. A
-- record no interval holds (unknown, ambiguous or retired model, before the model's first price,
-- outside the exported range) keeps a NULL cost and counts as unpriced, never as 0.
-- Long-context tiers: a request whose input (hits + misses + writes) is above tier<k>_above pays that tier's prices.
-- Batch, service-tier and region modifiers are not applied: price such records with ratecard estimate.
CREATE VIEW ratecard_priced_usage AS
SELECT u.*, r."billed_as", r."window", r."currency",
       (u."cache_hit" * CASE WHEN (u."cache_hit" + u."cache_miss" + u."cache_write" + u."cache_write_1h") > r."tier1_above" THEN r."tier1_input_cache_hit" ELSE r."input_cache_hit" END
          + u."cache_miss" * CASE WHEN (u."cache_hit" + u."cache_miss" + u."cache_write" + u."cache_write_1h") > r."tier1_above" THEN r."tier1_input_cache_miss" ELSE r."input_cache_miss" END
          + u."output" * CASE WHEN (u."cache_hit" + u."cache_miss" + u."cache_write" + u."cache_write_1h") > r."tier1_above" THEN r."tier1_output" ELSE r."output" END
          + u."cache_write" * CASE WHEN (u."cache_hit" + u."cache_miss" + u."cache_write" + u."cache_write_1h") > r."tier1_above" THEN r."tier1_input_cache_write" ELSE r."input_cache_write" END
          + CASE WHEN u."cache_write_1h" = 0 THEN 0 ELSE u."cache_write_1h" * CASE WHEN (u."cache_hit" + u."cache_miss" + u."cache_write" + u."cache_write_1h") > r."tier1_above" THEN r."tier1_input_cache_write_1h" ELSE r."input_cache_write_1h" END END)
         * CAST(0.000001 AS DECIMAL(7,6))
       + CASE WHEN u."requests_fetch" = 0 THEN 0 ELSE u."requests_fetch" * r."fee_fetch" END
       + CASE WHEN u."requests_search" = 0 THEN 0 ELSE u."requests_search" * r."fee_search" END AS "cost"
FROM usage u
LEFT JOIN ratecard_model_names n ON n."name" = u."model"
LEFT JOIN ratecard_intervals r
  ON r."model" = n."model" AND u."ts" >= r."start" AND u."ts" < r."end";

SELECT "model", "currency", COUNT(*) AS "records", COUNT("cost") AS "priced",
       COUNT(*) - COUNT("cost") AS "unpriced", SUM("cost") AS "cost"
FROM ratecard_priced_usage
GROUP BY "model", "currency"
ORDER BY "model", "currency";
