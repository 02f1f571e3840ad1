-- What a legal entity wants on one centre's statements when it is the debtor (issue 10): the
-- buyer's reference (referenskod) and its cost centre. Part of the centre's profile.
CREATE TABLE centre_party_reference (
    centre_id            BIGINT       NOT NULL REFERENCES centre (id) ON DELETE CASCADE,
    organisation_number  VARCHAR(11)  NOT NULL,
    position             INT          NOT NULL,
    buyer_reference      VARCHAR(200),
    cost_centre          VARCHAR(60),
    PRIMARY KEY (centre_id, organisation_number)
);
