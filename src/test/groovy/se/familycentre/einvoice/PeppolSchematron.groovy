package se.familycentre.einvoice

import javax.xml.transform.stream.StreamSource
import net.sf.saxon.s9api.Processor
import net.sf.saxon.s9api.XPathCompiler
import net.sf.saxon.s9api.XdmDestination
import net.sf.saxon.s9api.XdmItem
import net.sf.saxon.s9api.XsltExecutable

/**
 * OpenPeppol's own validation artefacts for BIS Billing 3.0, release 2025.5, as the test-scope
 * artifact com.helger.phive.rules:phive-rules-peppol ships them (Schematron compiled to XSLT 2.0):
 * CEN-EN16931-UBL.xslt (the EN 16931 rules BR-*, BR-CO-*, BR-O/E/S-*, BR-DEC-*, BR-CL-* and the UBL
 * syntax rules UBL-*) and PEPPOL-EN16931-UBL.xslt (PEPPOL-EN16931-*, PEPPOL-COMMON-* and the national
 * rules, SE-R-* among them), run by Saxon-HE. Its answer is every failed assert with id and flag
 * (fatal or warning): the second opinion beside the project's own named checks ({@link BisRules}).
 */
final class PeppolSchematron {

    static final String RELEASE = 'external/schematron/openpeppol/2025.5/xslt/'
    static final String SVRL = 'http://purl.oclc.org/dsdl/svrl'

    record Assert(String id, String flag, String text, String location) {
        String toString() { "$id [$flag] $text at $location" }
    }

    private static final Processor SAXON = new Processor(false)
    private static final List<XsltExecutable> STYLESHEETS = ['CEN-EN16931-UBL.xslt', 'PEPPOL-EN16931-UBL.xslt'].collect {
        URL url = UblSchemas.resource(RELEASE + it)
        url.withInputStream { input -> SAXON.newXsltCompiler().compile(new StreamSource(input, url.toString())) }
    }

    private PeppolSchematron() {
    }

    /** Every failed assert of both rule sets, fatal and warning. */
    static List<Assert> failures(byte[] xml) {
        XPathCompiler xpath = SAXON.newXPathCompiler()
        xpath.declareNamespace('svrl', SVRL)
        List<Assert> failed = []
        for (XsltExecutable stylesheet : STYLESHEETS) {
            def transformer = stylesheet.load()
            transformer.source = new StreamSource(new ByteArrayInputStream(xml), 'urn:ubl-under-test')
            def report = new XdmDestination()
            transformer.destination = report
            transformer.transform()
            for (XdmItem a : xpath.evaluate('//svrl:failed-assert', report.xdmNode)) {
                def node = a as net.sf.saxon.s9api.XdmNode
                failed << new Assert(node.getAttributeValue(new net.sf.saxon.s9api.QName('id')),
                        node.getAttributeValue(new net.sf.saxon.s9api.QName('flag')),
                        xpath.evaluateSingle('normalize-space(svrl:text)', node).stringValue,
                        node.getAttributeValue(new net.sf.saxon.s9api.QName('location')))
            }
        }
        failed
    }
}
