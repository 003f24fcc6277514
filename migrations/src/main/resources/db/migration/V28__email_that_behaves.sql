-- Email that behaves (issue 27): where replies go, a one-click way to stop being asked, and
-- calendar events that can be updated and cancelled.

-- Replies to a message go to a person (a hub's coordinator, a school's careers leader), never to no-reply.
alter table outbox add column reply_to varchar(1000);
-- The List-Unsubscribe address, as a link slot filled with a fresh secret when the message is sent.
alter table outbox add column list_unsubscribe varchar(300);

-- Where the hub's messages ask replies to go; null: its coordinators.
alter table hub add column reply_to_email varchar(320);
alter table hub add constraint hub_reply_to_email_ck check (reply_to_email like '%_@_%');

-- The employer's own say in being asked: paused until a day, or stopped until it asks again.
alter table employer add column asks_paused_until date;
alter table employer add column asks_stopped_at timestamptz;

-- A calendar event's revision (RFC 5545 SEQUENCE): each change told to the calendar after the first invitation.
alter table booking add column calendar_sequence integer not null default 0;
alter table booking add constraint booking_calendar_sequence_ck check (calendar_sequence >= 0);

-- The link to an organisation's contact preferences: no account needed, works for its subject only.
alter table login_token drop constraint login_token_purpose_ck;
alter table login_token add constraint login_token_purpose_ck
    check (purpose in ('magic_link', 'password_reset', 'invitation', 'offer_confirmation', 'booking_reply',
                       'organisation_invitation', 'placement_agreement', 'placement_pupil', 'placement_host',
                       'contact_preferences'));
alter table login_token drop constraint login_token_subject_ck;
alter table login_token add constraint login_token_subject_ck
    check ((purpose in ('offer_confirmation', 'booking_reply', 'organisation_invitation', 'placement_agreement',
                        'placement_pupil', 'placement_host', 'contact_preferences')) = (subject_id is not null));
alter table login_token drop constraint login_token_user_ck;
alter table login_token add constraint login_token_user_ck
    check (user_id is not null or purpose in ('booking_reply', 'placement_agreement', 'placement_pupil', 'placement_host',
                                              'contact_preferences'));

/* [jooq ignore start] */
alter table hub add constraint hub_reply_to_email_text_ck check (reply_to_email !~ '[[:cntrl:]]');
alter table outbox add constraint outbox_reply_to_text_ck check (reply_to !~ '[[:cntrl:]]');
/* [jooq ignore stop] */
