-- The communes of a province with open eligibility entries, read from an index (ADR 0062):
-- a province's list run first asks which communes have active households or open
-- entries, and the open entries' part scanned every open spell of the nation (4.6 s for a
-- 600,000-household province). Partial: open spells only.
create index eligibility_spell_open_province on eligibility_spell (province_code, commune_id)
    where eligible_to is null;
