package se.familycentre.pdf

import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import spock.lang.Specification

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses

/**
 * The printer knows the statement and the allocation it explains, nothing of how
 * statements are issued, stored or served: invoicing and the web call it through
 * {@link se.familycentre.statement.StatementRenderer}.
 */
class PdfDependenciesSpec extends Specification {

    def "pdf depends on no project package but statement and allocation"() {
        given:
        def classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages('se.familycentre')

        when:
        noClasses().that().resideInAPackage('se.familycentre.pdf..')
                .should().dependOnClassesThat().resideInAnyPackage(
                'se.familycentre.invoicing..', 'se.familycentre.centre..', 'se.familycentre.web..',
                'se.familycentre.config..')
                .because('the PDF prints a statement and needs nothing of the service around it')
                .check(classes)

        then:
        noExceptionThrown()
    }
}
