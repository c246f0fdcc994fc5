SELECT count(*) = 0 FROM account WHERE display_name IS NULL;
-- seeded values kept, seeded NULLs backfilled from name
SELECT count(*) = 1 FROM account WHERE name = 'alice' AND display_name = 'Alice A.';
SELECT count(*) = 1 FROM account WHERE name = 'carol' AND display_name = 'Carol Updated';
SELECT count(*) = 3 FROM account WHERE name IN ('bob', 'dave', 'erin') AND display_name = initcap(name);
-- what the old app wrote during the window: its NULLs got the backfill value
SELECT count(*) >= 1 AND bool_and(display_name = 'Old-App Null') FROM account WHERE name = 'old-app null';
SELECT count(*) >= 1 AND bool_and(display_name = 'Old-App Omitted') FROM account WHERE name = 'old-app omitted';
SELECT count(*) >= 1 AND bool_and(display_name = 'Given') FROM account WHERE name = 'old-app given';
SELECT count(*) >= 1 FROM account WHERE name = 'new-app' AND display_name = 'New App';
