-- Indexes (code-health (c) 4, ADR 0020). Checked on the sample demo (52,413 households) with
-- EXPLAIN ANALYZE, each query with and without the index in a rolled-back transaction:
-- household_village (village_id) is the leading column of household_village_code (village_id,
-- code): the village lookups, the ordered village page and the join from a commune's villages
-- use household_village_code with the same plan and time. audit_event_path (unit_path
-- text_pattern_ops) is the leading column of audit_event_path_at (unit_path text_pattern_ops,
-- at): with 210,000 audit rows the path searches use audit_event_path_at with the same plan.
-- Each write of a household or an audit row (imports write them by the hundred thousand)
-- maintains one index less.
drop index household_village;
drop index audit_event_path;

-- "Does this household have an open request?" (RequestRepository) read the whole table.
create index review_request_household on review_request (household_id);
