-- A partner user belongs to one agency (the Bank for Social Policies, social insurance, ...):
-- it reads and records only what its agency delivers and needs. Other roles have none.
alter table app_user add column partner_agency varchar(24)
    check (partner_agency in ('VBSP', 'SOCIAL_INSURANCE', 'EDUCATION', 'LABOUR', 'HEALTH', 'ELECTRICITY',
                              'CONSTRUCTION', 'OTHER'));
alter table app_user add constraint app_user_agency_partner check (partner_agency is null or role = 'PARTNER');
-- the demo partner is the Bank for Social Policies of Quảng Nam
update app_user set partner_agency = 'VBSP' where role = 'PARTNER' and demo;
