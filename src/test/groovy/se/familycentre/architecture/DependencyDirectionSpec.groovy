package se.familycentre.architecture

import com.tngtech.archunit.core.domain.JavaClasses
import com.tngtech.archunit.core.importer.ClassFileImporter
import com.tngtech.archunit.core.importer.ImportOption
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition
import spock.lang.Shared
import spock.lang.Specification

import static com.tngtech.archunit.library.Architectures.layeredArchitecture
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices

/**
 * Dependencies point one way: web → (invoicing, centre, format) → statement →
 * allocation, the pure core. The PDF renderer is an adapter of statement; the
 * configuration wires the core. The SIE writer is a leaf of its own: web and
 * invoicing may use it, and it uses nothing of the project. The e-invoice writer
 * is an adapter of statement as the PDF is, but web and invoicing may use it.
 * The decision basis (a PDF of a scenario's report) makes the PDF an adapter of scenario too.
 */
class DependencyDirectionSpec extends Specification {

    @Shared
    JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages('se.familycentre')

    def "the packages depend on each other without a cycle"() {
        when:
        slices().matching('se.familycentre.(*)..').should().beFreeOfCycles().check(classes)

        then:
        noExceptionThrown()
    }

    def "nothing outside web depends on web"() {
        when:
        noClasses().that().resideOutsideOfPackage('se.familycentre.web..')
                .should().dependOnClassesThat().resideInAPackage('se.familycentre.web..')
                .because('HTTP is an edge: the domain answers with values and its own refusals')
                .check(classes)

        then:
        noExceptionThrown()
    }

    def "each layer uses only the layers beneath it"() {
        when:
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer('web').definedBy('se.familycentre.web..')
                .layer('access').definedBy('se.familycentre.access..')
                .layer('invoicing').definedBy('se.familycentre.invoicing..')
                .layer('centre').definedBy('se.familycentre.centre..')
                .layer('format').definedBy('se.familycentre.format..')
                .layer('pdf').definedBy('se.familycentre.pdf..')
                .layer('statement').definedBy('se.familycentre.statement..')
                .layer('config').definedBy('se.familycentre.config..')
                .layer('allocation').definedBy('se.familycentre.allocation..')
                .layer('sie').definedBy('se.familycentre.sie..')
                .layer('einvoice').definedBy('se.familycentre.einvoice..')
                .layer('scenario').definedBy('se.familycentre.scenario..')
                .whereLayer('web').mayNotBeAccessedByAnyLayer()
                .whereLayer('pdf').mayNotBeAccessedByAnyLayer()
                .whereLayer('config').mayNotBeAccessedByAnyLayer()
                .whereLayer('access').mayOnlyBeAccessedByLayers('web')
                .whereLayer('invoicing').mayOnlyBeAccessedByLayers('web')
                .whereLayer('centre').mayOnlyBeAccessedByLayers('web', 'invoicing', 'access')
                .whereLayer('format').mayOnlyBeAccessedByLayers('web', 'invoicing', 'centre')
                .whereLayer('statement').mayOnlyBeAccessedByLayers('web', 'invoicing', 'centre', 'format', 'pdf',
                'einvoice')
                .whereLayer('allocation').mayOnlyBeAccessedByLayers('web', 'access', 'invoicing', 'centre', 'format',
                'pdf', 'statement', 'config', 'einvoice', 'scenario')
                .whereLayer('scenario').mayOnlyBeAccessedByLayers('web', 'centre', 'format', 'invoicing', 'pdf')
                .whereLayer('sie').mayOnlyBeAccessedByLayers('web', 'invoicing')
                .whereLayer('einvoice').mayOnlyBeAccessedByLayers('web', 'invoicing')
                .check(classes)

        then:
        noExceptionThrown()
    }

    def "the SIE writer depends on nothing of the project, only on itself and the JDK"() {
        when:
        ArchRuleDefinition.classes().that().resideInAPackage('se.familycentre.sie..')
                .should().onlyDependOnClassesThat().resideInAnyPackage('se.familycentre.sie..', 'java..')
                .because('SIE 4I is a file format: callers translate their results into its values')
                .check(classes)

        then:
        noExceptionThrown()
    }

    def "the e-invoice writer uses only statement, allocation, the JDK and the money API the amounts come in"() {
        when:
        ArchRuleDefinition.classes().that().resideInAPackage('se.familycentre.einvoice..')
                .should().onlyDependOnClassesThat().resideInAnyPackage('se.familycentre.einvoice..',
                'se.familycentre.statement..', 'se.familycentre.allocation..', 'java..', 'javax.xml.stream..',
                'javax.money..')
                .because('UBL is a file format: the statement says everything it holds, and the PDF and CSV say the same')
                .check(classes)

        then:
        noExceptionThrown()
    }

    def "the rules catch a dependency against the grain"() {
        given: 'the web layer, which does depend on the domain'
        JavaClasses web = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages('se.familycentre.web', 'se.familycentre.centre')

        when:
        noClasses().that().resideInAPackage('se.familycentre.web..')
                .should().dependOnClassesThat().resideInAPackage('se.familycentre.centre..')
                .check(web)

        then:
        thrown(AssertionError)
    }
}
