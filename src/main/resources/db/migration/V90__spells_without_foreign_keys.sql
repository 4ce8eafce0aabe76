-- Issue 16 (speed) and issue 19 (distribution), ADR 0064: eligibility spells are derived rows,
-- written only by an eligibility run from the households, members and communes it has just read
-- under the communes' locks in the same transaction. Their five foreign keys were checked once
-- per written row (about half the time of a first run's COPY of 1.7 million spells) and three of
-- them kept spells from being colocated by province (distribution.tsv: pending or exempt).
-- Households, members, communes and runs are never deleted (households and members are voided),
-- so the references stay whole without the checks.
alter table eligibility_spell
    drop constraint if exists eligibility_spell_commune_id_fkey,
    drop constraint if exists eligibility_spell_household_id_fkey,
    drop constraint if exists eligibility_spell_member_id_fkey,
    drop constraint if exists eligibility_spell_started_by_fkey,
    drop constraint if exists eligibility_spell_ended_by_fkey;
