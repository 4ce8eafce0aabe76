-- Every household of a recognised commune ends the review year with a class and the reason
-- for it (issue 14 item 2, ADR 0022).
--
-- 1. household_assessment.reason: why the household has this class in this year.
--    REVIEWED          listed, surveyed, agreed, posted and recognised by the decision
--    NOT_LISTED        not on the review list when it was drawn: not poor, not near-poor
--    ADDED_AFTER_LIST  recorded in the commune (created, moved in, imported) after the list
--                      was drawn: not reviewed this year
--    IN_YEAR           recognised by an in-year (regular) review decision
--    Rows written before this migration (demo, imports, manual) keep no reason: the page
--    shows their source instead.
-- 2. review_unit.listed_at: when the commune's worklist was last drawn, so recognition
--    can tell a household that was not listed from one that did not exist yet. Backfilled
--    from the audit trail of the LIST step.
alter table household_assessment add column reason varchar(20)
    check (reason in ('REVIEWED', 'NOT_LISTED', 'ADDED_AFTER_LIST', 'IN_YEAR'));

alter table review_unit add column listed_at timestamptz;

update review_unit u set listed_at = a.at
from (select entity_id, max(at) as at from audit_event
      where entity_type = 'REVIEW_UNIT' and action = 'LIST' group by entity_id) a
where a.entity_id = u.review_id::text || '/' || u.commune_id::text;

update household_assessment s set reason = 'REVIEWED'
from review_household rh join review r on r.id = rh.review_id
where rh.step = 'RECOGNISED' and s.household_id = rh.household_id and s.year = r.year
  and s.source = 'REVIEW';
