-- A school's figures as each academic year ended (issue 28): kept by the September rollover just
-- before its pupils move up a year group, judged by the same rules as the school's progress page
-- on the year's last day. Last year's figures then stand beside this year's for the reports to
-- governors and funders, and survive pupils leaving and, later, being deleted.
create table school_year_figures (
    school_id         bigint   not null constraint school_year_figures_school_fk references school (id) on delete cascade,
    -- the calendar year the academic year starts in: 2026 means 2026/27
    academic_year     smallint not null,
    year_group        smallint not null,
    disadvantaged     boolean  not null,
    send              boolean  not null,
    pupils            integer  not null,
    -- on track for the hub's target of encounters by the end of Year 13, as the year ended
    on_track          integer  not null,
    -- with an attended encounter that year
    benchmark5        integer  not null,
    -- with the workplace experience due by the end of that year
    benchmark6        integer  not null,
    -- attended encounters that year
    encounters        integer  not null,
    -- the hub's target (seven or four by the end of Year 13) the year was judged against
    target_encounters smallint not null,
    kept_at           timestamptz not null default now(),
    constraint school_year_figures_pk primary key (school_id, academic_year, year_group, disadvantaged, send),
    constraint school_year_figures_year_ck check (academic_year between 2000 and 2100),
    constraint school_year_figures_year_group_ck check (year_group between 7 and 13),
    constraint school_year_figures_counts_ck check (pupils >= 0 and on_track between 0 and pupils
        and benchmark5 between 0 and pupils and benchmark6 between 0 and pupils and encounters >= 0),
    constraint school_year_figures_target_ck check (target_encounters in (4, 7))
);
