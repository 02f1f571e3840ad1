-- How a legal entity's statements are paid, taxed, addressed and posted (issue 10).
-- One row per entity that has given any of it; none means VAT outside scope and the
-- default BAS accounts.
CREATE TABLE entity_invoicing (
    entity_id      BIGINT PRIMARY KEY REFERENCES legal_entity (id) ON DELETE CASCADE,
    bankgiro       VARCHAR(9),
    plusgiro       VARCHAR(9),
    iban           VARCHAR(42),
    bic            VARCHAR(11),
    vat_number     VARCHAR(14),
    vat_treatment  VARCHAR(20)  NOT NULL DEFAULT 'OUTSIDE_SCOPE',
    vat_reason     VARCHAR(500),
    contact_name   VARCHAR(200),
    contact_email  VARCHAR(200),
    contact_phone  VARCHAR(30),
    peppol_scheme  VARCHAR(4),
    peppol_id      VARCHAR(50),
    -- posting role=account, comma-separated (receivable=1510,revenue=3990,...)
    accounts       VARCHAR(300)
);
