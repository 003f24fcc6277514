-- The employer bank (issue 23 part 4). An agency or chamber of commerce that brokers for many
-- employers is an organisation of kind 'agency'; each employer imported from its list stays a
-- record of its own and keeps the agency it came via, so the agency is never merged with them.
alter table employer add column kind varchar(10) default 'employer' not null;
alter table employer add constraint employer_kind_ck check (kind in ('employer', 'agency'));
alter table employer add column via_agency_id bigint;
alter table employer add constraint employer_via_agency_fk foreign key (via_agency_id) references employer (id);
alter table employer add constraint employer_not_via_itself_ck check (via_agency_id <> id);
create index employer_via_agency_ix on employer (via_agency_id);
