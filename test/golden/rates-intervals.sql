-- ratecard price intervals from 2026-09-09T00:00:00Z to 2026-09-11T00:00:00Z: start inclusive, end exclusive, UTC;
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
  "fee_fetch" DECIMAL(38,12),
  "fee_search" DECIMAL(38,12)
);
INSERT INTO ratecard_intervals ("model", "billed_as", "start", "end", "window", "currency", "input_cache_hit", "input_cache_miss", "output", "fee_fetch", "fee_search") VALUES
('deepseek-v4-flash', NULL, TIMESTAMP '2026-09-09 00:00:00', TIMESTAMP '2026-09-09 01:00:00', 'off-peak', 'USD', 0.007, 0.22, 0.66, NULL, NULL),
('deepseek-v4-flash', NULL, TIMESTAMP '2026-09-09 01:00:00', TIMESTAMP '2026-09-09 04:00:00', 'peak', 'USD', 0.014, 0.44, 1.32, NULL, NULL),
('deepseek-v4-flash', NULL, TIMESTAMP '2026-09-09 04:00:00', TIMESTAMP '2026-09-09 06:00:00', 'off-peak', 'USD', 0.007, 0.22, 0.66, NULL, NULL),
('deepseek-v4-flash', NULL, TIMESTAMP '2026-09-09 06:00:00', TIMESTAMP '2026-09-09 10:00:00', 'peak', 'USD', 0.014, 0.44, 1.32, NULL, NULL),
('deepseek-v4-flash', NULL, TIMESTAMP '2026-09-09 10:00:00', TIMESTAMP '2026-09-10 01:00:00', 'off-peak', 'USD', 0.007, 0.22, 0.66, NULL, NULL),
('deepseek-v4-flash', NULL, TIMESTAMP '2026-09-10 01:00:00', TIMESTAMP '2026-09-10 04:00:00', 'peak', 'USD', 0.014, 0.44, 1.32, NULL, NULL),
('deepseek-v4-flash', 'deepseek-flash', TIMESTAMP '2026-09-10 04:00:00', TIMESTAMP '2026-09-10 06:00:00', 'off-peak', 'USD', 0.003, 0.15, 0.6, NULL, NULL),
('deepseek-v4-flash', 'deepseek-flash', TIMESTAMP '2026-09-10 06:00:00', TIMESTAMP '2026-09-10 10:00:00', 'peak', 'USD', 0.006, 0.3, 1.2, NULL, NULL),
('deepseek-v4-flash', 'deepseek-flash', TIMESTAMP '2026-09-10 10:00:00', TIMESTAMP '2026-09-11 00:00:00', 'off-peak', 'USD', 0.003, 0.15, 0.6, NULL, NULL);
CREATE TABLE ratecard_model_names (
  "name" VARCHAR(255) NOT NULL,
  "model" VARCHAR(255) NOT NULL
);
INSERT INTO ratecard_model_names ("name", "model") VALUES
('deepseek-chat', 'deepseek-chat'),
('deepseek-v4-flash', 'deepseek-v4-flash'),
('deepseek/deepseek-chat', 'deepseek-chat'),
('deepseek/deepseek-v4-flash', 'deepseek-v4-flash');

-- Every record of usage(model, ts, cache_hit, cache_miss, output, requests_fetch, requests_search, ...) priced at its instant (ts in UTC):
-- the logged model name (bare id, provider/id or snapshot id) to its model, then one range join. A
-- record no interval holds (unknown, ambiguous or retired model, before the model's first price,
-- outside the exported range) keeps a NULL cost and counts as unpriced, never as 0.
-- Batch, service-tier and region modifiers are not applied: price such records with ratecard estimate.
CREATE VIEW ratecard_priced_usage AS
SELECT u.*, r."billed_as", r."window", r."currency",
       (u."cache_hit" * r."input_cache_hit"
          + u."cache_miss" * r."input_cache_miss"
          + u."output" * r."output")
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
