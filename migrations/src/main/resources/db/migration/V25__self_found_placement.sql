-- Placements a pupil or family found themselves (issue 25, sixth slice): the careers leader records the
-- host, its contact and the dates; the host is sent the same paperwork through a link, without an account.
-- (docs/placements.md has the whole chain.)

-- whom the school named at the host: the one a self-found placement's link and reminders go to
alter table placement add column host_contact_name  varchar(200);
alter table placement add column host_contact_email varchar(320);
alter table placement add column host_contact_phone varchar(30);
alter table placement add constraint placement_host_contact_ck
    check (source = 'self_found' or (host_contact_name is null and host_contact_email is null and host_contact_phone is null));
alter table placement add constraint placement_host_contact_email_ck
    check (host_contact_email is null or host_contact_email like '%_@_%');

-- the host's link: declare the paperwork for this placement's host, without an account
alter table login_token drop constraint login_token_purpose_ck;
alter table login_token add constraint login_token_purpose_ck
    check (purpose in ('magic_link', 'password_reset', 'invitation', 'offer_confirmation', 'booking_reply',
                       'organisation_invitation', 'placement_agreement', 'placement_pupil', 'placement_host'));
alter table login_token drop constraint login_token_subject_ck;
alter table login_token add constraint login_token_subject_ck
    check ((purpose in ('offer_confirmation', 'booking_reply', 'organisation_invitation', 'placement_agreement',
                        'placement_pupil', 'placement_host')) = (subject_id is not null));
alter table login_token drop constraint login_token_user_ck;
alter table login_token add constraint login_token_user_ck
    check (user_id is not null or purpose in ('booking_reply', 'placement_agreement', 'placement_pupil', 'placement_host'));

/* [jooq ignore start] */
alter table placement add constraint placement_host_contact_text_ck
    check (host_contact_name !~ '[[:cntrl:]]' and host_contact_email !~ '[[:cntrl:]]' and host_contact_phone !~ '[[:cntrl:]]');
/* [jooq ignore stop] */
