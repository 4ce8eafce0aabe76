-- A name searched over a province (issue 19): the first page is found by walking the province's
-- living households in code order through this index alone (an index-only scan: the name and the
-- path are in it), a bounded window of rows, instead of building the trigram bitmap of every
-- household of the nation whose name shares the query's trigrams and sorting all its matches
-- (ADR 0057). The trigram index stays for rare names and nation-wide searches.
create index household_province_names on household (province_code, code collate "C")
    include (head_name_norm, unit_path, id) where not voided;
