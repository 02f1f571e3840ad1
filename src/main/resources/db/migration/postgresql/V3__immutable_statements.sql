-- PostgreSQL: issued statements and their PDFs never change.
CREATE FUNCTION refuse_change_of_issued() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'issued statements never change (table %)', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER statement_no_update BEFORE UPDATE OR DELETE ON statement
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued();
CREATE TRIGGER statement_pdf_no_update BEFORE UPDATE OR DELETE ON statement_pdf
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_issued();
