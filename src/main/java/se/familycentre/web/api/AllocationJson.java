package se.familycentre.web.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import javax.money.MonetaryAmount;
import se.familycentre.allocation.Allocation;
import se.familycentre.allocation.Centre;
import se.familycentre.allocation.LegalEntity;
import se.familycentre.allocation.OrganisationNumber;
import se.familycentre.allocation.Pool;
import se.familycentre.allocation.Sek;

/**
 * The calculator's answer as JSON, written straight to bytes: the answer is
 * several times larger than the request and is the hot path of the API, so it
 * is streamed rather than built as objects and serialised by reflection.
 * Amounts are decimal strings with two decimals and a currency, so no client
 * ever reads them through a double.
 */
final class AllocationJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final SerializableString[] POOL_NAMES = java.util.Arrays.stream(Pool.values())
            .map(p -> new SerializedString(p.name())).toArray(SerializableString[]::new);
    // field names encoded once, not at every one of the hundreds written per answer
    private static final SerializableString AMOUNT = new SerializedString("amount");
    private static final SerializableString BORNE_BY = new SerializedString("borneBy");
    private static final SerializableString CENTRE = new SerializedString("centre");
    private static final SerializableString CLASSIFICATION = new SerializedString("classification");
    private static final SerializableString CODE = new SerializedString("code");
    private static final SerializableString CREDITOR = new SerializedString("creditor");
    private static final SerializableString CREDITOR_SERVICE = new SerializedString("creditorService");
    private static final SerializableString CURRENCY = new SerializedString("currency");
    private static final SerializableString DAYS = new SerializedString("days");
    private static final SerializableString DEBTOR = new SerializedString("debtor");
    private static final SerializableString DEBTOR_SERVICE = new SerializedString("debtorService");
    private static final SerializableString ENTITY = new SerializedString("entity");
    private static final SerializableString EXPLANATION = new SerializedString("explanation");
    private static final SerializableString FLOWS = new SerializedString("flows");
    private static final SerializableString FROM = new SerializedString("from");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString INTERNAL = new SerializedString("internal");
    private static final SerializableString LABEL = new SerializedString("label");
    private static final SerializableString LINES = new SerializedString("lines");
    private static final SerializableString MESSAGE = new SerializedString("message");
    private static final SerializableString NAME = new SerializedString("name");
    private static final SerializableString ORGANISATION_NUMBER = new SerializedString("organisationNumber");
    private static final SerializableString ORIGIN = new SerializedString("origin");
    private static final SerializableString PAID = new SerializedString("paid");
    private static final SerializableString PAYER = new SerializedString("payer");
    private static final SerializableString PERIOD = new SerializedString("period");
    private static final SerializableString PERIODICITY = new SerializedString("periodicity");
    private static final SerializableString POOL = new SerializedString("pool");
    private static final SerializableString POOLS = new SerializedString("pools");
    private static final SerializableString REASON = new SerializedString("reason");
    private static final SerializableString RULE = new SerializedString("rule");
    private static final SerializableString SEGMENTS = new SerializedString("segments");
    private static final SerializableString SERVICE = new SerializedString("service");
    private static final SerializableString SERVICES = new SerializedString("services");
    private static final SerializableString SHARES = new SerializedString("shares");
    private static final SerializableString TO = new SerializedString("to");
    private static final SerializableString TOTAL = new SerializedString("total");
    private static final SerializableString TYPE = new SerializedString("type");
    private static final SerializableString WARNINGS = new SerializedString("warnings");
    private static final SerializableString WEIGHT = new SerializedString("weight");
    private static final SerializableString WEIGHTS = new SerializedString("weights");

    private AllocationJson() {
    }

    static byte[] write(Allocation a, Centre centre) {
        Map<String, String> names = new HashMap<>();
        for (LegalEntity e : centre.entities()) {
            names.put(OrganisationNumber.normalise(e.organisationNumber()), e.name());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            write(g, CENTRE, a.centre());
            g.writeFieldName(PERIOD);
            g.writeStartObject();
            date(g, FROM, a.period().from());
            date(g, TO, a.period().to());
            write(g, LABEL, a.period().label());
            write(g, DAYS, a.period().days());
            g.writeEndObject();
            g.writeFieldName(CLASSIFICATION);
            g.writeStartArray();
            for (Allocation.ClassifiedStretch s : a.classification()) {
                g.writeStartObject();
                date(g, FROM, s.from());
                date(g, TO, s.to());
                write(g, CLASSIFICATION, s.classification().name());
                write(g, REASON, s.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName(WARNINGS);
            g.writeStartArray();
            for (Allocation.Warning w : a.warnings()) {
                g.writeStartObject();
                write(g, CODE, w.code());
                write(g, MESSAGE, w.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName(LINES);
            g.writeStartArray();
            for (Allocation.LineAllocation l : a.lines()) {
                line(g, l);
            }
            g.writeEndArray();
            g.writeFieldName(SERVICES);
            g.writeStartArray();
            for (Allocation.ServiceTotal s : a.services()) {
                g.writeStartObject();
                write(g, ID, s.service());
                write(g, TYPE, s.type().name());
                write(g, ENTITY, s.entity());
                g.writeFieldName(POOLS);
            g.writeStartObject();
                for (Pool p : Pool.values()) {
                    amount(g, POOL_NAMES[p.ordinal()], s.byPool().get(p));
                }
                g.writeEndObject();
                amount(g, TOTAL, s.total());
                amount(g, PAID, s.paid());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName(FLOWS);
            g.writeStartArray();
            for (Allocation.Flow f : a.flows()) {
                g.writeStartObject();
                party(g, CREDITOR, f.creditor(), names);
                party(g, DEBTOR, f.debtor(), names);
                amount(g, AMOUNT, f.amount());
                write(g, INTERNAL, f.internal());
                g.writeFieldName(SERVICES);
            g.writeStartArray();
                for (Allocation.ServiceFlow sf : f.services()) {
                    g.writeStartObject();
                    write(g, CREDITOR_SERVICE, sf.creditorService());
                    write(g, DEBTOR_SERVICE, sf.debtorService());
                    amount(g, AMOUNT, sf.amount());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void line(JsonGenerator g, Allocation.LineAllocation l) throws IOException {
        g.writeStartObject();
        write(g, ID, l.id());
        write(g, NAME, l.name());
        write(g, ORIGIN, l.origin().name());
        write(g, POOL, l.pool().name());
        write(g, PAYER, l.payer());
        write(g, PERIODICITY, l.periodicity().name());
        if (l.borneBy() != null) {
            write(g, BORNE_BY, l.borneBy());
        }
        amount(g, TOTAL, l.total());
        g.writeFieldName(SHARES);
            g.writeStartArray();
        for (Allocation.Share s : l.shares()) {
            g.writeStartObject();
            write(g, SERVICE, s.service());
            amount(g, AMOUNT, s.amount());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(EXPLANATION);
            g.writeStartObject();
        g.writeFieldName(SEGMENTS);
            g.writeStartArray();
        for (Allocation.Segment s : l.segments()) {
            g.writeStartObject();
            date(g, FROM, s.from());
            date(g, TO, s.to());
            write(g, DAYS, s.days());
            write(g, RULE, s.rule().name());
            write(g, AMOUNT, amountText(s.amount()));
            g.writeFieldName(WEIGHTS);
            g.writeStartArray();
            for (Allocation.Weight w : s.weights()) {
                g.writeStartObject();
                write(g, SERVICE, w.service());
                write(g, WEIGHT, w.weight().stripTrailingZeros().toPlainString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void party(JsonGenerator g, SerializableString field, String organisationNumber, Map<String, String> names)
            throws IOException {
        g.writeFieldName(field);
        g.writeStartObject();
        write(g, ORGANISATION_NUMBER, organisationNumber);
        write(g, NAME, names.get(organisationNumber));
        g.writeEndObject();
    }

    private static void amount(JsonGenerator g, SerializableString field, MonetaryAmount m) throws IOException {
        g.writeFieldName(field);
        g.writeStartObject();
        write(g, AMOUNT, Sek.plain(m));
        write(g, CURRENCY, m.getCurrency().getCurrencyCode());
        g.writeEndObject();
    }

    private static void date(JsonGenerator g, SerializableString field, LocalDate day) throws IOException {
        write(g, field, day.toString());
    }

    private static void write(JsonGenerator g, SerializableString field, String value) throws IOException {
        g.writeFieldName(field);
        g.writeString(value);
    }

    private static void write(JsonGenerator g, SerializableString field, long value) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(value);
    }

    private static void write(JsonGenerator g, SerializableString field, boolean value) throws IOException {
        g.writeFieldName(field);
        g.writeBoolean(value);
    }

    /** At least two decimals, more only where the amount has them (a rent per m² × area may). */
    static String amountText(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.scale() < 2 ? plain.setScale(2).toPlainString() : plain.toPlainString();
    }
}
