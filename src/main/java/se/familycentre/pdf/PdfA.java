package se.familycentre.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
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
import org.apache.xmpbox.DateConverter;
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
 * identifiers. Cheap: the profile is read and compressed once per JVM, and so is the XMP packet,
 * into which each document's values are filled ({@link Template}).
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

    /**
     * The XMP packet: PDF/A-2b, and each entry of the document information in its XMP property.
     * Byte for byte what xmpbox writes for it; for a statement's information (every entry set but
     * the keywords, in plain text) it is filled into a packet xmpbox wrote once per JVM, since
     * building and serializing the XMP for each document cost a quarter of rendering one.
     */
    static byte[] xmp(PDDocumentInformation info) throws IOException {
        String[] values = Template.values(info);
        return values != null ? TEMPLATE.fill(values) : serialize(info);
    }

    /** What xmpbox writes for the information, built and serialized now. */
    static byte[] serialize(PDDocumentInformation info) throws IOException {
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

    private static final Template TEMPLATE = Template.make();

    /**
     * The packet xmpbox writes for an information with every entry but the keywords, cut at the
     * values: markers stand in for the texts, and two dates no statement has for the dates, so
     * each value's place is found in xmpbox's own output. Filling in a document's values escapes
     * them as the JDK's serializer does; a value that is not plain text is not filled in here.
     */
    static final class Template {
        /** The slots in {@link #values} order: title, author, subject, creator, producer, created, modified. */
        private static final int SLOTS = 7;

        private final String[] literals;
        private final int[] slots;

        private Template(String[] literals, int[] slots) {
            this.literals = literals;
            this.slots = slots;
        }

        static Template make() {
            String[] markers = new String[SLOTS];
            PDDocumentInformation sample = new PDDocumentInformation();
            for (int i = 0; i < 5; i++) {
                markers[i] = "@@xmp-slot-" + i + "@@";
            }
            sample.setTitle(markers[0]);
            sample.setAuthor(markers[1]);
            sample.setSubject(markers[2]);
            sample.setCreator(markers[3]);
            sample.setProducer(markers[4]);
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.clear();
            created.set(1901, Calendar.FEBRUARY, 3, 4, 5, 6);
            Calendar modified = (Calendar) created.clone();
            modified.set(Calendar.YEAR, 1902);
            sample.setCreationDate(created);
            sample.setModificationDate(modified);
            markers[5] = DateConverter.toISO8601(sample.getCreationDate());
            markers[6] = DateConverter.toISO8601(sample.getModificationDate());
            String packet;
            try {
                packet = new String(serialize(sample), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<String> literals = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            int at = 0;
            while (true) {
                int next = -1;
                int slot = -1;
                for (int i = 0; i < SLOTS; i++) {
                    int found = packet.indexOf(markers[i], at);
                    if (found >= 0 && (next < 0 || found < next)) {
                        next = found;
                        slot = i;
                    }
                }
                if (next < 0) {
                    break;
                }
                literals.add(packet.substring(at, next));
                slots.add(slot);
                at = next + markers[slot].length();
            }
            literals.add(packet.substring(at));
            if (slots.size() != SLOTS || slots.stream().distinct().count() != SLOTS) {
                throw new IllegalStateException("xmpbox wrote an unexpected packet: " + packet);
            }
            return new Template(literals.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
        }

        /** The information's values as the packet has them, or null when they are not for the template. */
        static String[] values(PDDocumentInformation info) {
            if (info.getKeywords() != null) {
                return null;
            }
            String[] texts = {info.getTitle(), info.getAuthor(), info.getSubject(), info.getCreator(),
                    info.getProducer()};
            Calendar created = info.getCreationDate();
            Calendar modified = info.getModificationDate();
            if (created == null || modified == null) {
                return null;
            }
            String[] values = new String[SLOTS];
            for (int i = 0; i < texts.length; i++) {
                values[i] = escaped(texts[i]);
                if (values[i] == null) {
                    return null;
                }
            }
            values[5] = DateConverter.toISO8601(created);
            values[6] = DateConverter.toISO8601(modified);
            return values;
        }

        /**
         * The text as the serializer writes it in an element, or null when it is not plain text
         * (controls, line separators, surrogates): such a value goes the long way.
         */
        private static String escaped(String s) {
            if (s == null || s.isEmpty()) {
                return null;
            }
            StringBuilder b = new StringBuilder(s.length() + 16);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || Character.isSurrogate(c)
                        || c >= 0xFFFE) {
                    return null;
                }
                switch (c) {
                    case '&' -> b.append("&amp;");
                    case '<' -> b.append("&lt;");
                    case '>' -> b.append("&gt;");
                    default -> b.append(c);
                }
            }
            return b.toString();
        }

        byte[] fill(String[] values) {
            StringBuilder b = new StringBuilder(2048);
            for (int i = 0; i < slots.length; i++) {
                b.append(literals[i]).append(values[slots[i]]);
            }
            b.append(literals[slots.length]);
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }
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
