-- Issue 15 (rules): a target is judged as its words say, and every number it rests on names its source.
-- judged: EACH_YEAR ("giảm mỗi năm trên 3%": every year on its own) or AVERAGE ("bình quân 0,5%/năm":
-- the average of the years); null keeps the comparator's own way (a reduction on its mean fall, any
-- other target of every year year by year).
alter table resolution_target add column judged varchar(12) check (judged in ('EACH_YEAR', 'AVERAGE'));
-- reference_sources: {year: {source, verified}} for each value of the reference series (QN-09's
-- national near-poor rates), so the page says which value was read where and which is unverified.
alter table resolution_target add column reference_sources jsonb;
-- Where a target itself comes from (the national programme for a template) and whether it was read there.
alter table resolution_target add column legal_basis text;
alter table resolution_target add column verified boolean not null default false;
