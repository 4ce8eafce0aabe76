-- Household lists are read per commune or village, ordered by code or head's name, a page at a time:
-- these indexes give the order without sorting or filtering the whole province.
create index household_commune_code on household (commune_id, code);
create index household_commune_head on household (commune_id, head_name_norm);
create index household_village_code on household (village_id, code);
