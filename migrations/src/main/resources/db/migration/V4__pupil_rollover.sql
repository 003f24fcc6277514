-- The academic year a school's year groups are for: the September rollover moves pupils up a
-- year and archives Year 13 leavers once per school and year, whichever app instance gets there
-- first. Null until the first rollover check, which takes the roll as it is.
alter table school add column pupils_rolled_for smallint;
alter table school add constraint school_pupils_rolled_for_ck check (pupils_rolled_for between 2000 and 2100);
