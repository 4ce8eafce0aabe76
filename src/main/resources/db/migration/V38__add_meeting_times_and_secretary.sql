-- The minutes of a village meeting name when it started and ended and who wrote them
-- (Nghị định 30/2020/NĐ-CP, form of the minutes); the Fatherland Front representative is the
-- existing supervisor column. Meetings recorded before this migration have none of them (the
-- minutes show a dash); the service requires them for new meetings.
alter table review_meeting
    add column started_at time,
    add column ended_at   time,
    add column secretary  text,
    add constraint review_meeting_times check (ended_at is null or started_at is null or ended_at > started_at);
