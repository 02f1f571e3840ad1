package se.familycentre.einvoice;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JDK's StAX writer with the UBL prefixes, two-space indentation and no empty elements: a leaf
 * whose text is absent or blank is not written at all (PEPPOL-EN16931-R008). Always the JDK's own
 * factory, so the bytes do not depend on which StAX implementation the class path carries.
 */
final class UblXml {

    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /**
     * The text, encoded once at the end: the JDK's writer on a byte stream encodes character by
     * character, which made the e-invoice a twentieth of issuing a statement.
     */
    private final StringWriter out = new StringWriter(8192);
    private final XMLStreamWriter w;
    /** For each open element: whether it has child elements yet (its end tag then goes on a line of its own). */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    UblXml(String rootNamespace, String rootName) {
        try {
            w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            w.writeCharacters("\n");
            w.writeStartElement("", rootName, rootNamespace);
            w.writeDefaultNamespace(rootNamespace);
            w.writeNamespace("cac", CAC);
            w.writeNamespace("cbc", CBC);
            open.push(new boolean[1]);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens an aggregate ({@code cac:}) element. */
    UblXml start(String name) {
        try {
            indent();
            w.writeStartElement("cac", name, CAC);
            open.push(new boolean[1]);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    UblXml end() {
        try {
            boolean hadChildren = open.pop()[0];
            if (hadChildren) {
                w.writeCharacters("\n" + "  ".repeat(open.size()));
            }
            w.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A basic ({@code cbc:}) element with text; nothing when the text is absent or blank. */
    UblXml leaf(String name, String text) {
        return leaf(name, text, null, null);
    }

    /** A basic element with text and one attribute (e.g. {@code currencyID}, {@code schemeID}). */
    UblXml leaf(String name, String text, String attribute, String value) {
        String clean = clean(text);
        if (clean == null) {
            return this;
        }
        try {
            indent();
            w.writeStartElement("cbc", name, CBC);
            if (attribute != null && value != null) {
                w.writeAttribute(attribute, value);
            }
            w.writeCharacters(clean);
            w.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] finish() {
        try {
            while (!open.isEmpty()) {
                end();
            }
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.close();
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private void indent() throws XMLStreamException {
        open.peek()[0] = true;
        w.writeCharacters("\n" + "  ".repeat(open.size()));
    }

    /**
     * Text as one line: control characters (a line break in a name, a carriage return) become spaces,
     * runs of white space one space, characters XML 1.0 cannot carry are dropped; null when nothing is
     * left.
     */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00A0') {
                space = b.length() > 0;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    appendSpace(b, space);
                    space = false;
                    b.append(c).append(text.charAt(++i));
                }
                continue;
            }
            if (c == '\uFFFE' || c == '\uFFFF') {
                continue;
            }
            appendSpace(b, space);
            space = false;
            b.append(c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static void appendSpace(StringBuilder b, boolean space) {
        if (space) {
            b.append(' ');
        }
    }
}
