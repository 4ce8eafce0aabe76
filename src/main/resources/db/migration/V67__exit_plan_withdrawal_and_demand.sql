-- Issue 17 (plans): a withdrawn registration keeps its day and reason, and an approved plan
-- keeps the EXIT_PLAN demand its approval registered in the support ledger (withdrawn with
-- the plan while it is still open).
alter table exit_plan add column withdrawn_on date;
alter table exit_plan add column withdrawn_reason text;
alter table exit_plan add column demand_id uuid references support_demand (id);
alter table exit_plan add constraint exit_plan_withdrawn
    check (status <> 'WITHDRAWN' or (withdrawn_on is not null and withdrawn_reason is not null));
