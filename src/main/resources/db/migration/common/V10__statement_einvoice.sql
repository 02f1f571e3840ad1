-- The PEPPOL BIS Billing 3.0 e-invoice (UBL Invoice or CreditNote) of an issued statement between
-- two legal entities, rendered and stored with its PDF (issue 10). Null for an internal transfer,
-- and for statements stored before this column: those render theirs from the archived content.
ALTER TABLE statement_pdf ADD COLUMN einvoice BYTEA;
