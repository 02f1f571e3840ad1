-- The one-time key of the page's form a token was created from: the same form sent twice (a reload,
-- a double click) finds the token it created instead of creating a second one.
ALTER TABLE api_token ADD COLUMN form_key VARCHAR(64);
CREATE UNIQUE INDEX api_token_form_key ON api_token (form_key);
