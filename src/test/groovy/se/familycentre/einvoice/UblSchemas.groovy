package se.familycentre.einvoice

import javax.xml.XMLConstants
import javax.xml.transform.stream.StreamSource
import javax.xml.validation.Schema
import javax.xml.validation.SchemaFactory
import org.w3c.dom.bootstrap.DOMImplementationRegistry
import org.w3c.dom.ls.DOMImplementationLS
import org.w3c.dom.ls.LSInput
import org.w3c.dom.ls.LSResourceResolver
import org.xml.sax.ErrorHandler
import org.xml.sax.SAXParseException

/**
 * The OASIS UBL 2.1 schemas (UBL-Invoice-2.1.xsd, UBL-CreditNote-2.1.xsd and the common ones they
 * import), as the test-scope artifact com.helger.ubl:ph-ubl21 ships them under
 * external/schemas/ubl21, validated with the JDK's javax.xml.validation. That copy imports
 * XML-DSig, XAdES 1.3.2/1.4.1 and the CCTS core component types by namespace only, without a
 * location: a resolver hands out the copies of the com.helger.xsd artifacts by namespace.
 */
final class UblSchemas {

    static final String MAINDOC = 'external/schemas/ubl21/maindoc/'

    /** The schemas imported by namespace only, and where their copies lie on the test class path. */
    static final Map<String, String> BY_NAMESPACE = [
            'http://www.w3.org/2000/09/xmldsig#'                                         : 'schemas/xmldsig-core-schema.xsd',
            'http://uri.etsi.org/01903/v1.3.2#'                                          : 'schemas/XAdES01903v132-201601.xsd',
            'http://uri.etsi.org/01903/v1.4.1#'                                          : 'schemas/XAdES01903v141-201601.xsd',
            'urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2': 'schemas/CCTS_CCT_SchemaModule.xsd',
    ]

    static final Schema INVOICE = load(MAINDOC + 'UBL-Invoice-2.1.xsd')
    static final Schema CREDIT_NOTE = load(MAINDOC + 'UBL-CreditNote-2.1.xsd')

    private UblSchemas() {
    }

    static URL resource(String path) {
        URL url = UblSchemas.classLoader.getResource(path)
        assert url: "$path is not on the test class path (test-scope artifacts ph-ubl21 and ph-xsds-*)"
        url
    }

    static Schema load(String path) {
        SchemaFactory factory = SchemaFactory.newDefaultInstance()
        DOMImplementationLS ls = DOMImplementationRegistry.newInstance().getDOMImplementation('LS') as DOMImplementationLS
        factory.resourceResolver = { String type, String namespace, String publicId, String systemId, String base ->
            String local = systemId == null ? BY_NAMESPACE[namespace] : null
            if (local == null) {
                return null
            }
            URL url = resource(local)
            LSInput input = ls.createLSInput()
            input.systemId = url.toString()
            input.byteStream = url.openStream()
            input
        } as LSResourceResolver
        URL url = resource(path)
        factory.newSchema(url)
    }

    /** Every error and warning the schema reports for the document (Invoice or CreditNote by its root). */
    static List<String> problems(byte[] xml) {
        String root = new String(xml, 'UTF-8').find(/<(Invoice|CreditNote)[\s>]/) { all, name -> name }
        assert root: 'neither an Invoice nor a CreditNote'
        List<String> problems = []
        def validator = (root == 'Invoice' ? INVOICE : CREDIT_NOTE).newValidator()
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, '')
        validator.errorHandler = new ErrorHandler() {
            void warning(SAXParseException e) { problems << "warning ${e.lineNumber}:${e.columnNumber} ${e.message}" }

            void error(SAXParseException e) { problems << "error ${e.lineNumber}:${e.columnNumber} ${e.message}" }

            void fatalError(SAXParseException e) { problems << "fatal ${e.lineNumber}:${e.columnNumber} ${e.message}" }
        }
        validator.validate(new StreamSource(new ByteArrayInputStream(xml)))
        problems
    }
}
