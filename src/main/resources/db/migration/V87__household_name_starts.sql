-- Issue 19 (name search across a province at most 10 ms CPU), ADR 0060: a household is found by the starts of
-- the words of its head's folded name ("le thi hoa" finds "le thi hoa", "le thi hoai", "nguyen le thi hoa", not
-- "khoa" or "thoa"). Each living household has one row per word of its head's name: the name from that word to
-- its end. A search is a range of one index ("le thi hoa" <= name_start < "le thi hob") that stops after the
-- first 1,001 households, whatever the size of the province or the nation; the trigram index had to build the
-- bitmap of every household of the nation sharing the query's trigrams (26 ms for "nguyen van" on the full demo).
-- The rows follow the household by triggers: inserted with it, replaced when its name, code, place, province or
-- voided flag changes, deleted with it.

-- The ends of a folded name that start a word: "nguyen van an" -> "nguyen van an", "van an", "an".
create function name_starts(name text) returns setof text
  language sql immutable strict parallel safe
  as $$ select name union all select substr(name, i + 1) from generate_series(1, length(name) - 1) i
        where substr(name, i, 1) = ' ' and substr(name, i + 1, 1) <> ' ' $$;

create table household_name_start (
  province_code varchar(2) not null,
  name_start text collate "C" not null,
  code varchar(32) collate "C" not null,
  household_id uuid not null,
  unit_path text not null,
  -- a search reads this index only: the code orders a page, the path checks the user's scope; a trigger finds
  -- a household's rows by the whole key
  constraint household_name_start_pkey primary key (province_code, name_start, household_id) include (code, unit_path)
);

insert into household_name_start
  select h.province_code, s.name_start, h.code, h.id, h.unit_path
  from household h cross join lateral name_starts(h.head_name_norm) s (name_start) where not h.voided;

create function household_name_starts_added() returns trigger language plpgsql as $$
begin
  insert into household_name_start
    select a.province_code, s.name_start, a.code, a.id, a.unit_path
    from added a cross join lateral name_starts(a.head_name_norm) s (name_start) where not a.voided;
  return null;
end $$;

create function household_name_starts_changed() returns trigger language plpgsql as $$
begin
  if not old.voided then
    delete from household_name_start n
      where n.province_code = old.province_code and n.household_id = old.id
        and n.name_start = any (array(select name_starts(old.head_name_norm)));
  end if;
  if not new.voided then
    insert into household_name_start
      select new.province_code, s.name_start, new.code, new.id, new.unit_path from name_starts(new.head_name_norm) s (name_start);
  end if;
  return null;
end $$;

create function household_name_starts_removed() returns trigger language plpgsql as $$
begin
  delete from household_name_start n
    using removed r cross join lateral name_starts(r.head_name_norm) s (name_start)
    where n.province_code = r.province_code and n.name_start = s.name_start and n.household_id = r.id;
  return null;
end $$;

create function household_name_starts_emptied() returns trigger language plpgsql as $$
begin
  truncate household_name_start;
  return null;
end $$;

create trigger household_name_starts_added after insert on household
  referencing new table as added for each statement execute function household_name_starts_added();
create trigger household_name_starts_changed after update on household for each row
  when (old.head_name_norm is distinct from new.head_name_norm or old.code is distinct from new.code
        or old.unit_path is distinct from new.unit_path or old.province_code is distinct from new.province_code
        or old.voided is distinct from new.voided)
  execute function household_name_starts_changed();
create trigger household_name_starts_removed after delete on household
  referencing old table as removed for each statement execute function household_name_starts_removed();
create trigger household_name_starts_emptied after truncate on household
  for each statement execute function household_name_starts_emptied();

analyze household_name_start;
