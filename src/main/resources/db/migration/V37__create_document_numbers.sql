-- Numbers of the documents a body issues (Nghị định 30/2020/NĐ-CP Art. 15: numbered from 01 on
-- 1 January, unique within the year, per issuing body). The issuing body is the unit as it was
-- on the document's date (after 01/07/2025 one commune's committee issues for every old commune
-- merged into it), so its id may be of either list edition. kind: 'GCN' (certificates of poor and
-- near-poor households, Mẫu số 03).
create table document_number (
    issuer_id  bigint      not null references admin_unit (id),
    year       smallint    not null,
    kind       varchar(8)  not null check (kind in ('GCN')),
    last_no    integer     not null check (last_no > 0),
    primary key (issuer_id, year, kind)
);
