-- Issue 19 (ADR 0058): the coverage counts probe each eligible entry's records of a few policies
-- (CoverageRepository): by household and policy, not through every record of the household
-- (health-insurance cards, electricity and Tết gifts, year after year). On the full demo a
-- province-year of loan coverage went from 5.0 s to 3.1 s.
create index benefit_record_household_policy on benefit_record (household_id, policy_code, delivered_on);
