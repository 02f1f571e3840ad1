-- H2: issued statements and their PDFs never change (a Java trigger refuses it).
CREATE TRIGGER statement_no_update BEFORE UPDATE, DELETE ON statement FOR EACH ROW CALL 'se.familycentre.invoicing.ImmutableRowTrigger';
CREATE TRIGGER statement_pdf_no_update BEFORE UPDATE, DELETE ON statement_pdf FOR EACH ROW CALL 'se.familycentre.invoicing.ImmutableRowTrigger';
