-- Complaints (ADR 0017): references nobody can guess are made by the application
-- (KN-<year>-<10 random letters/digits>); the references given so far stay valid.
-- The phone the complainant gave is kept apart from the text, so it is masked for those who
-- do not handle complaints and can prove, by its last digits, who asks for the answer on the
-- public page. Failed proofs are counted per complaint and day, against guessing.
alter table review_complaint add column contact text;                   -- other contact given (address)
alter table review_complaint add column phone varchar(15);              -- digits only
alter table review_complaint add column proof_failures smallint not null default 0;
alter table review_complaint add column proof_window_from timestamptz;  -- first failure of the current window

-- Complaints filed before this release carried the contact at the end of their text:
-- "<text> — Liên hệ (điện thoại, địa chỉ): <contact>". Split it off; a contact made of a
-- phone number only becomes the phone.
update review_complaint
   set contact = substr(content, strpos(content, ' — Liên hệ (điện thoại, địa chỉ): ')
                                 + length(' — Liên hệ (điện thoại, địa chỉ): ')),
       content = left(content, strpos(content, ' — Liên hệ (điện thoại, địa chỉ): ') - 1)
 where strpos(content, ' — Liên hệ (điện thoại, địa chỉ): ') > 0;
update review_complaint
   set phone = regexp_replace(contact, '[^0-9]', '', 'g'), contact = null
 where contact ~ '^[+0-9 .()-]+$' and length(regexp_replace(contact, '[^0-9]', '', 'g')) between 9 and 12;
