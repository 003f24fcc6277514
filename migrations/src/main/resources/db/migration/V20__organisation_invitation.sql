-- A contact named in an agency's list who already has an account is asked, by email, to manage each
-- organisation new to the hub: the link's subject is the organisation (employer id) and its user is
-- the account it is addressed to, both checked when it is used. A name in someone else's spreadsheet
-- grants nothing until the person reading that mailbox accepts.
-- 'organisation_invitation' is longer than the 20 characters purposes had.
alter table login_token alter column purpose type varchar(30);
alter table login_token drop constraint login_token_purpose_ck;
alter table login_token add constraint login_token_purpose_ck
    check (purpose in ('magic_link', 'password_reset', 'invitation', 'offer_confirmation', 'booking_reply',
                       'organisation_invitation'));
alter table login_token drop constraint login_token_subject_ck;
alter table login_token add constraint login_token_subject_ck
    check ((purpose in ('offer_confirmation', 'booking_reply', 'organisation_invitation')) = (subject_id is not null));
