-- A hash of a spell's reasons (ADR 0063): a list run compares the reasons it judges with
-- those of the open spells by this number, and no longer reads every open spell's reasons
-- (1.74 million jsonb values turned to text and sorted for a 600,000-household province).
-- Null on spells written before: the next run writes it with their reasons, once.
alter table eligibility_spell add column reasons_hash bigint;
