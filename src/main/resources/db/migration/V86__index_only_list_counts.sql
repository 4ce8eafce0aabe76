-- Issue 19 (per-request cost): the commune list's count and its class filter read the index only.
-- A commune's living households, counted for every list page and API list (up to 10,001): the heap was read
-- for each row (about 4 ms for a commune of 3,400 households on the full demo); this partial index answers
-- the count from the index (0.6 ms) and also serves a village's count.
create index household_living on household (commune_id, village_id) include (province_code) where not voided;

-- A year's class of a household, read by the list's class filter once per household of the commune: the
-- classification joins the (household, year) key, so the probe does not visit the assessment's wide row.
alter table household_assessment drop constraint assessment_year;
alter table household_assessment add constraint assessment_year unique (household_id, year) include (classification);
