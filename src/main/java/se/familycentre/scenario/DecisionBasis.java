package se.familycentre.scenario;

import java.time.LocalDate;

/**
 * A plan's decision basis (beslutsunderlag) as a document for the steering group's decision: the
 * port the web layer prints through, so it depends on no PDF library (the pdf package implements it).
 */
public interface DecisionBasis {

    /** The report printed as on {@code printedOn}; the same report printed the same day is the same bytes. */
    byte[] render(ScenarioReport report, LocalDate printedOn);
}
