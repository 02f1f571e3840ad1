package se.familycentre.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Calendar;
import java.util.zip.Deflater;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.util.Version;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * Makes a statement PDF an archival PDF/A-2b file (ISO 19005-2, level B): statements are kept for
 * the seven years bookkeeping law asks, and PDF/A is what an archive takes. What it needs beyond
 * what the statement already is (embedded fonts, no transparency, no encryption, a trailer /ID):
 * an sRGB output intent, so the device grey of the text and rules has a defined meaning, and XMP
 * metadata that says PDF/A-2b and repeats the document information (veraPDF checks that the two
 * agree, entry by entry).
 *
 * <p>Deterministic: everything written comes from the document information (whose dates are the
 * statement's created time), the JVM's fixed sRGB profile and constants; no clock, no random
 * identifiers. Cheap: the profile is read and compressed once per JVM, the XMP serializer is made
 * once per thread.
 */
final class PdfA {

    /** The producer named in the document information and the XMP alike. */
    static final String PRODUCER = "Apache PDFBox " + Version.getVersion();

    static final String SRGB = "sRGB IEC61966-2.1";

    /** The JDK's sRGB profile, Flate-compressed once per JVM: each document stores these bytes as they are. */
    private static final byte[] SRGB_DEFLATED = deflate(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());

    /**
     * One serializer per thread (it keeps state while it writes), on the JDK's own XML factories so
     * the bytes do not depend on which XSLT engine the class path happens to bring.
     */
    private static final ThreadLocal<XmpSerializer> XMP = ThreadLocal.withInitial(() -> {
        DocumentBuilderFactory dom = DocumentBuilderFactory.newDefaultInstance();
        dom.setNamespaceAware(true);
        return new XmpSerializer(TransformerFactory.newDefaultInstance(), dom);
    });

    private PdfA() {
    }

    /**
     * Adds the output intent and the XMP metadata; call after the document information is complete.
     * Sets the producer in the information too, so the two say the same.
     */
    static void conform(PDDocument pdf) throws IOException {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setProducer(PRODUCER);
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.addOutputIntent(outputIntent(pdf));
        PDMetadata metadata = new PDMetadata(pdf);
        metadata.importXMPMetadata(xmp(info));
        catalog.setMetadata(metadata);
    }

    private static PDOutputIntent outputIntent(PDDocument pdf) throws IOException {
        COSStream profile = pdf.getDocument().createCOSStream();
        profile.setInt(COSName.N, 3);
        profile.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        try (OutputStream out = profile.createRawOutputStream()) {
            out.write(SRGB_DEFLATED);
        }
        COSDictionary intent = new COSDictionary();
        intent.setItem(COSName.TYPE, COSName.OUTPUT_INTENT);
        intent.setItem(COSName.S, COSName.GTS_PDFA1);
        intent.setItem(COSName.DEST_OUTPUT_PROFILE, profile);
        PDOutputIntent outputIntent = new PDOutputIntent(intent);
        outputIntent.setOutputConditionIdentifier(SRGB);
        outputIntent.setInfo(SRGB);
        outputIntent.setRegistryName("http://www.color.org");
        return outputIntent;
    }

    /** The XMP packet: PDF/A-2b, and each entry of the document information in its XMP property. */
    static byte[] xmp(PDDocumentInformation info) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        PDFAIdentificationSchema pdfa = xmp.createAndAddPDFAIdentificationSchema();
        pdfa.setPart(2);
        try {
            pdfa.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setFormat("application/pdf");
        if (info.getTitle() != null) {
            dc.setTitle(info.getTitle());
        }
        if (info.getAuthor() != null) {
            dc.addCreator(info.getAuthor());
        }
        if (info.getSubject() != null) {
            dc.setDescription(info.getSubject());
        }
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        if (info.getCreator() != null) {
            basic.setCreatorTool(info.getCreator());
        }
        Calendar created = info.getCreationDate();
        if (created != null) {
            basic.setCreateDate(created);
        }
        Calendar modified = info.getModificationDate();
        if (modified != null) {
            basic.setModifyDate(modified);
        }
        AdobePDFSchema pdfSchema = xmp.createAndAddAdobePDFSchema();
        if (info.getProducer() != null) {
            pdfSchema.setProducer(info.getProducer());
        }
        if (info.getKeywords() != null) {
            pdfSchema.setKeywords(info.getKeywords());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            XMP.get().serialize(xmp, out, true);
        } catch (TransformerException e) {
            throw new IOException("could not write the XMP metadata", e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
