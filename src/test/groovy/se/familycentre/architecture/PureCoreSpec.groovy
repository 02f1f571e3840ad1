package se.familycentre.architecture

import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import spock.lang.Specification

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses

/** The allocation core stays plain Java, so every feature shares one engine (STYLE: pure core). */
class PureCoreSpec extends Specification {

    def "the pure packages (#pkg) import no Micronaut, Jakarta, JDBC or PDFBox"() {
        given:
        def classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages('se.familycentre')

        when:
        noClasses().that().resideInAPackage(pkg)
                .should().dependOnClassesThat().resideInAnyPackage(
                'io.micronaut..', 'jakarta..', 'javax.inject..', 'java.sql..', 'javax.sql..', 'org.apache.pdfbox..')
                .because('the allocation core and the SIE and e-invoice writers are pure Java (STYLE.md)')
                .check(classes)

        then:
        noExceptionThrown()

        where:
        pkg << ['se.familycentre.allocation..', 'se.familycentre.statement..', 'se.familycentre.sie..', 'se.familycentre.scenario..',
                'se.familycentre.einvoice..']
    }

    def "the rule also catches a class that breaks it"() {
        given: 'a web class, which does depend on Micronaut'
        def classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages('se.familycentre.web.api')

        when:
        noClasses().that().resideInAPackage('se.familycentre.web.api..')
                .should().dependOnClassesThat().resideInAnyPackage('io.micronaut..')
                .check(classes)

        then:
        thrown(AssertionError)
    }
}
