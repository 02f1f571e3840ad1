package se.familycentre.web.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
            g.writeStringField("centre", a.centre());
            g.writeObjectFieldStart("period");
            date(g, "from", a.period().from());
            date(g, "to", a.period().to());
            g.writeStringField("label", a.period().label());
            g.writeNumberField("days", a.period().days());
            g.writeEndObject();
            g.writeArrayFieldStart("classification");
            for (Allocation.ClassifiedStretch s : a.classification()) {
                g.writeStartObject();
                date(g, "from", s.from());
                date(g, "to", s.to());
                g.writeStringField("classification", s.classification().name());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("warnings");
            for (Allocation.Warning w : a.warnings()) {
                g.writeStartObject();
                g.writeStringField("code", w.code());
                g.writeStringField("message", w.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("lines");
            for (Allocation.LineAllocation l : a.lines()) {
                line(g, l);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("services");
            for (Allocation.ServiceTotal s : a.services()) {
                g.writeStartObject();
                g.writeStringField("id", s.service());
                g.writeStringField("type", s.type().name());
                g.writeStringField("entity", s.entity());
                g.writeObjectFieldStart("pools");
                for (Pool p : Pool.values()) {
                    amount(g, p.name(), s.byPool().get(p));
                }
                g.writeEndObject();
                amount(g, "total", s.total());
                amount(g, "paid", s.paid());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("flows");
            for (Allocation.Flow f : a.flows()) {
                g.writeStartObject();
                party(g, "creditor", f.creditor(), names);
                party(g, "debtor", f.debtor(), names);
                amount(g, "amount", f.amount());
                g.writeBooleanField("internal", f.internal());
                g.writeArrayFieldStart("services");
                for (Allocation.ServiceFlow sf : f.services()) {
                    g.writeStartObject();
                    g.writeStringField("creditorService", sf.creditorService());
                    g.writeStringField("debtorService", sf.debtorService());
                    amount(g, "amount", sf.amount());
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
        g.writeStringField("id", l.id());
        g.writeStringField("name", l.name());
        g.writeStringField("origin", l.origin().name());
        g.writeStringField("pool", l.pool().name());
        g.writeStringField("payer", l.payer());
        g.writeStringField("periodicity", l.periodicity().name());
        if (l.borneBy() != null) {
            g.writeStringField("borneBy", l.borneBy());
        }
        amount(g, "total", l.total());
        g.writeArrayFieldStart("shares");
        for (Allocation.Share s : l.shares()) {
            g.writeStartObject();
            g.writeStringField("service", s.service());
            amount(g, "amount", s.amount());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("explanation");
        g.writeArrayFieldStart("segments");
        for (Allocation.Segment s : l.segments()) {
            g.writeStartObject();
            date(g, "from", s.from());
            date(g, "to", s.to());
            g.writeNumberField("days", s.days());
            g.writeStringField("rule", s.rule().name());
            g.writeStringField("amount", amountText(s.amount()));
            g.writeArrayFieldStart("weights");
            for (Allocation.Weight w : s.weights()) {
                g.writeStartObject();
                g.writeStringField("service", w.service());
                g.writeStringField("weight", w.weight().stripTrailingZeros().toPlainString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void party(JsonGenerator g, String field, String organisationNumber, Map<String, String> names)
            throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("organisationNumber", organisationNumber);
        g.writeStringField("name", names.get(organisationNumber));
        g.writeEndObject();
    }

    private static void amount(JsonGenerator g, String field, MonetaryAmount m) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("amount", Sek.plain(m));
        g.writeStringField("currency", m.getCurrency().getCurrencyCode());
        g.writeEndObject();
    }

    private static void date(JsonGenerator g, String field, LocalDate day) throws IOException {
        g.writeStringField(field, day.toString());
    }

    /** At least two decimals, more only where the amount has them (a rent per m² × area may). */
    static String amountText(BigDecimal amount) {
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.scale() < 2 ? plain.setScale(2).toPlainString() : plain.toPlainString();
    }
}
