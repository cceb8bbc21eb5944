-- A changed e-mail address takes effect only when a link mailed to it is used: a mailed link like the sign-in links
-- (single use, SHA-256 of the token only), which names the address it confirms. Sign-in links have none; the two are
-- never taken for one another.
alter table sign_in_link add column new_email varchar(254);
