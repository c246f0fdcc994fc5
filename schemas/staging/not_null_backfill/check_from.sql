SELECT count(*) = 1 FROM account WHERE name = 'alice' AND display_name = 'Alice A.';
SELECT count(*) = 1 FROM account WHERE name = 'carol' AND display_name = 'Carol Updated';
-- the rollback makes the column nullable again and keeps the values the backfill gave
SELECT count(*) = 3 FROM account WHERE name IN ('bob', 'dave', 'erin')
   AND (display_name IS NULL OR display_name = initcap(name));
SELECT count(*) >= 1 FROM account WHERE name = 'old-app null';
SELECT count(*) >= 1 FROM account WHERE name = 'old-app omitted';
SELECT count(*) >= 1 AND bool_and(display_name = 'Given') FROM account WHERE name = 'old-app given';
