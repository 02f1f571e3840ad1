package se.familycentre.pdf;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import se.familycentre.scenario.DecisionBasis;
import se.familycentre.scenario.ScenarioReport;

/**
 * A steering group's decision basis (beslutsunderlag) for a planned centre, as a Swedish A4
 * PDF/A-2b file: the one way a {@link ScenarioReport} becomes a PDF. The caller says the day it
 * is printed (the document's date), so the same report printed the same day is the same file.
 */
@Singleton
public class DecisionBasisRenderer implements DecisionBasis {

    @Override
    public byte[] render(ScenarioReport report, LocalDate printedOn) {
        return DecisionBasisPdf.render(report, printedOn);
    }
}
