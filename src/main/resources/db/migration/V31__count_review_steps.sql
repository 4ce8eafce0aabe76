-- Households per review, commune and step, kept by a trigger so the progress board of a
-- province (hundreds of communes, hundreds of thousands of households) reads a few hundred
-- rows instead of counting every listed household.
create table review_step_count (
    review_id  uuid        not null references review (id),
    commune_id bigint      not null,
    step       varchar(12) not null,
    households bigint      not null default 0,
    primary key (review_id, commune_id, step)
);

create function review_step_count() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.step is distinct from old.step then
        insert into review_step_count (review_id, commune_id, step, households)
        values (new.review_id, new.commune_id, new.step, 1)
        on conflict (review_id, commune_id, step)
        do update set households = review_step_count.households + 1;
    end if;
    if tg_op = 'UPDATE' and new.step is distinct from old.step then
        update review_step_count set households = households - 1
        where review_id = old.review_id and commune_id = old.commune_id and step = old.step;
    end if;
    return null;
end;
$$;

create trigger review_household_step_count after insert or update of step on review_household
    for each row execute function review_step_count();
