-- The plain per-segment aggregates DuckDB computes in the comparison (bench/compare_duckdb.py):
-- counts, means and shares per wave, department and platform over the same CSV files that
-- `wavegate score` reads. No uncertainty, no gates: just the GROUP BYs.

CREATE TEMP TABLE roster AS
SELECT * FROM read_csv('roster.csv', delim = ';', header = true);

-- People per segment.
SELECT "Wave", "Department", "Platform", count(*) AS people
FROM roster GROUP BY ALL;

-- Survey answers per segment and question: count, mean, top-2-box share.
SELECT r."Wave", r."Department", r."Platform", a.question_id,
       count(*) AS n,
       avg(TRY_CAST(a.value AS DOUBLE)) AS mean,
       avg(CASE WHEN TRY_CAST(a.value AS INTEGER) >= 4 THEN 1 ELSE 0 END) AS top2
FROM read_csv('responses.csv', header = true, all_varchar = true) a
JOIN roster r ON a.person_id = r."Person ID"
WHERE a.question_id LIKE 'adkar_%' OR a.question_id LIKE 'sus_%'
   OR a.question_id IN ('nps', 'enroll_experience')
GROUP BY ALL;

-- Devices per wave and platform: count and compliant share.
SELECT r."Wave", r."Platform", count(*) AS devices,
       avg(CASE WHEN d."Compliance" = 'Compliant' THEN 1 ELSE 0 END) AS compliant
FROM read_csv('devices.csv', header = true, all_varchar = true) d
JOIN roster r ON lower(d."Primary user UPN") = lower(r."Email")
GROUP BY ALL;

-- Enrollment failures per wave and platform.
SELECT r."Wave", r."Platform", count(*) AS failures
FROM read_csv('enrollment_failures.csv', header = true, all_varchar = true) f
JOIN roster r ON lower(f."UPN") = lower(r."Email")
GROUP BY ALL;

-- Tickets per wave and category.
SELECT r."Wave", t."Category", count(*) AS tickets
FROM read_csv('tickets.csv', header = true, all_varchar = true) t
JOIN roster r ON lower(t."Caller") = lower(r."Email")
GROUP BY ALL;

-- Training per wave, department and module: records, completed share, mean score.
SELECT r."Wave", r."Department", tr.module_id, count(*) AS records,
       avg(CASE WHEN tr.status = 'completed' THEN 1 ELSE 0 END) AS completed,
       avg(TRY_CAST(tr.score AS DOUBLE)) AS mean_score
FROM read_csv('training.csv', header = true, all_varchar = true) tr
JOIN roster r ON tr.person_id = r."Person ID"
GROUP BY ALL;
