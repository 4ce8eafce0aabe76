-- A province-wide list or name search pages through the province's households in code order;
-- without this index the code index walks every other province's households first. The planner
-- knows the province is fixed and would still prefer the unique code index, so this index and the
-- queries that want it order by code in the "C" collation (codes are ASCII: the same order).
create index household_province_code on household (province_code, code collate "C");
