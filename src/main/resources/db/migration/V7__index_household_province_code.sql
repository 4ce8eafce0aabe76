-- A province-wide list or name search pages through the province's households in code order;
-- without this index the code index walks every other province's households first.
create index household_province_code on household (province_code, code);
